import { describe, expect, it } from 'vitest';
import * as s from './state';
import type { CompareResult, ScenarioDoc } from './state';

describe('scenario state', () => {
  it('toggles flooded desa and closed facilities, marking the draft dirty', () => {
    const st = s.initialState();
    expect(s.toggleDesa(st, '16.02.01.2001')).toBe(true);
    expect(st.dirty).toBe(true);
    expect(s.toggleDesa(st, '16.02.01.2002')).toBe(true);
    expect(s.toggleDesa(st, '16.02.01.2001')).toBe(false);
    expect([...st.draft.banjirDesa]).toEqual(['16.02.01.2002']);
    expect(s.toggleFacility(st, 'P1')).toBe(true);
    expect(s.toggleFacility(st, 'P1')).toBe(false);
    expect(st.draft.tutup.size).toBe(0);
  });

  it('finishes a polygon only from three vertices; undo takes the vertex, then the polygon', () => {
    const st = s.initialState();
    st.drawing = [
      [104, -3],
      [105, -3],
    ];
    expect(s.finishPolygon(st)).toBe(false);
    expect(st.draft.polygons).toHaveLength(0);
    expect(st.dirty).toBe(false);
    st.drawing.push([105, -4]);
    expect(s.finishPolygon(st)).toBe(true);
    expect(st.draft.polygons).toEqual([
      [
        [104, -3],
        [105, -3],
        [105, -4],
      ],
    ]);
    expect(st.drawing).toEqual([]);
    st.drawing = [[1, 1]];
    expect(s.undoDraw(st)).toBe(false);
    expect(st.drawing).toEqual([]);
    expect(st.draft.polygons).toHaveLength(1);
    expect(s.undoDraw(st)).toBe(true);
    expect(st.draft.polygons).toHaveLength(0);
    expect(s.undoDraw(st)).toBe(false);
  });

  it('clears drawn polygons, dirty only when there were some', () => {
    const st = s.initialState();
    s.clearDrawn(st);
    expect(st.dirty).toBe(false);
    st.draft.polygons = [
      [
        [0, 0],
        [1, 0],
        [1, 1],
      ],
    ];
    s.clearDrawn(st);
    expect(st.dirty).toBe(true);
    expect(st.draft.polygons).toEqual([]);
  });

  it('checks scenario names as the server does', () => {
    expect(s.nameProblem('')).toBe('scn_name_required');
    expect(s.nameProblem('banjir 2026')).toBe('scn_name_invalid');
    expect(s.nameProblem('x'.repeat(65))).toBe('scn_name_invalid');
    expect(s.nameProblem('banjir_2026-a')).toBeNull();
  });

  it('finds a desa from "Name (code)", a code or a unique name', () => {
    const names = new Map([
      ['16.02.01.2001', 'Sukamaju'],
      ['16.02.02.2001', 'Sukamaju'],
      ['16.02.01.2003', 'Kayuagung'],
    ]);
    expect(s.resolveDesa('Sukamaju (16.02.02.2001)', names)).toEqual({ kode: '16.02.02.2001' });
    expect(s.resolveDesa('16.02.01.2003', names)).toEqual({ kode: '16.02.01.2003' });
    expect(s.resolveDesa('kayuagung', names)).toEqual({ kode: '16.02.01.2003' });
    expect(s.resolveDesa('Sukamaju', names)).toEqual({ error: 'scn_ambiguous_desa' });
    expect(s.resolveDesa('Atlantis', names)).toEqual({ error: 'scn_unknown_desa' });
  });

  it('loads a stored scenario: flooded desa, open rings, parts of multipolygons, CLI extras', () => {
    const st = s.initialState();
    st.drawing = [[9, 9]];
    const doc: ScenarioDoc = {
      nama: 'banjir',
      keterangan: 'uji',
      tutup: ['P1'],
      kecepatan: {},
      tambah: [],
      putus: 2,
      waktu: '2026-12-01T10:00:00Z',
      pengguna: 'sari',
      banjir: {
        type: 'FeatureCollection',
        features: [
          { type: 'Feature', geometry: { type: 'Polygon', coordinates: [] }, properties: { faktor: 0.3, desa: '16.02.01.2001' } },
          {
            type: 'Feature',
            geometry: {
              type: 'Polygon',
              coordinates: [
                [
                  [0, 0],
                  [1, 0],
                  [1, 1],
                  [0, 0],
                ],
              ],
            },
            properties: { faktor: 0.3, desa: '' },
          },
          {
            type: 'Feature',
            geometry: {
              type: 'MultiPolygon',
              coordinates: [
                [
                  [
                    [5, 5],
                    [6, 5],
                    [6, 6],
                    [5, 5],
                  ],
                ],
              ],
            },
            properties: { faktor: 0.3, desa: '' },
          },
        ],
      },
    };
    s.loadScenario(st, doc);
    expect(st.selected).toBe('banjir');
    expect(st.dirty).toBe(false);
    expect(st.drawing).toEqual([]);
    expect(st.loadedExtras).toBe(true);
    expect(st.draft.faktor).toBe(0.3);
    expect([...st.draft.banjirDesa]).toEqual(['16.02.01.2001']);
    expect([...st.draft.tutup]).toEqual(['P1']);
    expect(st.draft.polygons).toEqual([
      [
        [0, 0],
        [1, 0],
        [1, 1],
      ],
      [
        [5, 5],
        [6, 5],
        [6, 6],
      ],
    ]);
    s.resetDraft(st);
    expect(st.selected).toBeNull();
    expect(st.draft.banjirDesa.size).toBe(0);
    expect(st.draft.faktor).toBe(s.kDefaultFaktor);
  });

  it('builds the POST /scenarios body with closed rings', () => {
    const d = s.emptyDraft();
    d.nama = 'x';
    d.faktor = 0.5;
    d.banjirDesa.add('D1');
    d.polygons = [
      [
        [0, 0],
        [1, 0],
        [1, 1],
      ],
    ];
    const body = s.scenarioBody(d);
    expect(body.banjir_desa).toEqual(['D1']);
    expect(body.faktor_banjir).toBe(0.5);
    expect(body.banjir?.features[0].properties).toEqual({ faktor: 0.5 });
    expect(body.banjir?.features[0].geometry).toEqual({
      type: 'Polygon',
      coordinates: [
        [
          [0, 0],
          [1, 0],
          [1, 1],
          [0, 0],
        ],
      ],
    });
  });

  it('checks the new-sites form against the API limits', () => {
    expect(s.sitesRequest(3, 60, 'coverage', null)).toEqual({ body: { k: 3, minutes: 60, objective: 'coverage' } });
    expect(s.sitesRequest(1000, 1440, 'mean-time', 'banjir')).toEqual({
      body: { k: 1000, minutes: 1440, objective: 'mean-time', skenario: 'banjir' },
    });
    expect(s.sitesRequest(0, 60, 'coverage', null)).toEqual({ error: 'scn_sites_k_invalid' });
    expect(s.sitesRequest(2.5, 60, 'coverage', null)).toEqual({ error: 'scn_sites_k_invalid' });
    expect(s.sitesRequest(1001, 60, 'coverage', null)).toEqual({ error: 'scn_sites_k_invalid' });
    expect(s.sitesRequest(3, 0, 'coverage', null)).toEqual({ error: 'scn_sites_min_invalid' });
    expect(s.sitesRequest(3, Number.NaN, 'coverage', null)).toEqual({ error: 'scn_sites_min_invalid' });
  });

  const result: CompareResult = {
    skenario: 'banjir',
    ringkasan: {
      penduduk: 1000,
      kehilangan_30: 10,
      kehilangan_60: 5,
      kehilangan_120: 0,
      menit_sebelum: 20,
      menit_sesudah: 25,
      tutup: 1,
      banjir: 2,
      detik: 1.5,
    },
    desa: [
      {
        kode_wilayah: 'A',
        menit_sebelum: 10,
        menit_sesudah: 10.2,
        kehilangan_30: 0,
        kehilangan_60: 0,
        kehilangan_120: 0,
        terdekat_sebelum: 'P1',
        terdekat_sesudah: 'P1',
      },
      {
        kode_wilayah: 'B',
        menit_sebelum: 10,
        menit_sesudah: 40,
        kehilangan_30: 100,
        kehilangan_60: 0,
        kehilangan_120: 0,
        terdekat_sebelum: 'P1',
        terdekat_sesudah: 'P2',
      },
      {
        kode_wilayah: 'C',
        menit_sebelum: 50,
        menit_sesudah: null,
        kehilangan_30: 0,
        kehilangan_60: 300,
        kehilangan_120: 300,
        terdekat_sebelum: 'P1',
        terdekat_sesudah: null,
      },
    ],
    kecamatan: [],
    fasyankes: [
      { kode_faskes: 'P1', per_tenaga_sebelum: 100, per_tenaga_sesudah: 150, lonjakan: true },
      { kode_faskes: 'P2', per_tenaga_sebelum: 100, per_tenaga_sesudah: 110, lonjakan: false },
      { kode_faskes: 'P3', per_tenaga_sebelum: 0, per_tenaga_sesudah: 10, lonjakan: true },
    ],
  };

  it('lists the desa that lose reach, the unreachable ones included, most lost first', () => {
    const rows = s.desaLossRows(result, (k) => `F${String(k)}`);
    expect(rows.map((r) => r.kode_wilayah)).toEqual(['C', 'B']);
    expect(rows[1].selisih).toBe(30);
    expect(rows[1].terdekat).toBe('FP1 → FP2');
    expect(rows[0].selisih).toBeNull();
  });

  it('lists the facilities whose load jumps (a boolean lonjakan), largest rise first', () => {
    expect(s.facilityJumpRows(result, true).map((r) => [r.kode_faskes, r.kenaikan])).toEqual([
      ['P1', 50],
      ['P3', null],
    ]);
    expect(s.facilityJumpRows(result, false).map((r) => r.kode_faskes)).toEqual(['P1', 'P2', 'P3']);
  });

  it('colours desa by the change, "no longer reachable" as the worst', () => {
    const desa = {
      type: 'FeatureCollection' as const,
      features: ['A', 'C', 'Z'].map((kode) => ({
        type: 'Feature' as const,
        properties: { kode },
        geometry: { type: 'Point' as const, coordinates: [0, 0] },
      })),
    };
    const merged = s.mergedDesa(desa, result).features.map((f) => f.properties);
    expect(merged[0]?.selisih).toBeCloseTo(0.2);
    expect(merged[1]?.selisih).toBe(s.kUnreachable);
    expect(merged[2]).toEqual({ kode: 'Z' });
    expect(s.mergedDesa(desa, null)).toBe(desa);
  });
});
