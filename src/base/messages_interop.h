// Messages of the exchange with other systems (SATUSEHAT FHIR, DHIS2, exports), a part of the
// registry in base/messages.h: X(enum name, stable code, HTTP status, Bahasa Indonesia, English).
#pragma once

#define JANGKAU_MESSAGES_INTEROP(X)                                                                \
  X(kFhirNotBundle, "fhir_not_bundle", 422,                                                        \
    "{0}: resourceType '{1}': yang diimpor hanya Bundle atau NDJSON (satu sumber daya per baris)", \
    "{0}: resourceType '{1}': only a Bundle or NDJSON (one resource per line) is imported")        \
  X(kFhirSkipped, "fhir_skipped", 200,                                                             \
    "{0}: {1} tidak diimpor (Jangkau membaca Organization, Location, Practitioner dan "            \
    "PractitionerRole)",                                                                           \
    "{0}: {1} not imported (Jangkau reads Organization, Location, Practitioner and "               \
    "PractitionerRole)")                                                                           \
  X(kFhirNoCode, "fhir_no_code", 422, "{0}: tidak ada identifier kode fasyankes (system {1})",     \
    "{0}: no facility code identifier (system {1})")                                               \
  X(kFhirBadReference, "fhir_bad_reference", 422,                                                  \
    "{0}: rujukan '{1}' tidak menunjuk {2} di berkas ini",                                         \
    "{0}: reference '{1}' does not point to a {2} in this file")                                   \
  X(kFhirDuplicate, "fhir_duplicate", 422, "{0}: {1} '{2}' sudah ada di {3}",                      \
    "{0}: {1} '{2}' is already at {3}")                                                            \
  X(kFhirOutsideDistrict, "fhir_outside_district", 422,                                            \
    "{0}: titik (lat {1}, lon {2}) berada {3} km di luar kabupaten ruang kerja",                   \
    "{0}: the point (lat {1}, lon {2}) lies {3} km outside the workspace's kabupaten")             \
  X(kFhirOutsideKept, "fhir_outside_kept", 200,                                                    \
    "{0}: titik faskes {4} (lat {1}, lon {2}) berada {3} km di luar kabupaten ruang kerja, sama "  \
    "dengan titik yang sudah tersimpan; diterima apa adanya, mohon koordinatnya dikoreksi",        \
    "{0}: the point of facility {4} (lat {1}, lon {2}) lies {3} km outside the workspace's "       \
    "kabupaten, the same point as already stored; kept as it is, please correct its coordinates")  \
  X(kFhirNoRole, "fhir_no_role", 200,                                                              \
    "{0}: Practitioner '{1}' tanpa PractitionerRole tidak diimpor (tenaga dicatat per fasyankes)", \
    "{0}: Practitioner '{1}' without a PractitionerRole is not imported (staff belong to a "       \
    "facility)")                                                                                   \
  X(kFhirScenarioExport, "fhir_scenario_export", 422,                                              \
    "{0}: berkas ini ekspor skenario '{1}': status tutup dan terendam banjir di dalamnya "         \
    "andaian, "                                                                                    \
    "bukan registri; ekspor ulang tanpa --scenario untuk mengimpor",                               \
    "{0}: this file is an export of scenario '{1}': its closed and flooded statuses are a "        \
    "what-if, "                                                                                    \
    "not the registry; export again without --scenario to import it")                              \
  X(kFhirNikConflict, "fhir_nik_conflict", 422,                                                    \
    "NIK {0}: daftar tenaga memuat dua orang berbeda, {1} dan {2} (fasyankes, nama, tanggal "      \
    "lahir, "                                                                                      \
    "STR berlaku sampai); satu NIK satu Practitioner: perbaiki daftar tenaga sebelum ekspor",      \
    "NIK {0}: the roster holds two different people, {1} and {2} (facility, name, birth date, "    \
    "STR valid until); one NIK is one Practitioner: correct the roster before exporting")          \
  X(kFhirTrainingSeparator, "fhir_training_separator", 422,                                        \
    "{0}: '{1}' memuat ';', pemisah daftar pelatihan; tulis tiap pelatihan sebagai extension "     \
    "pelatihan sendiri",                                                                           \
    "{0}: '{1}' contains ';', the separator of the training list; write each training as a "       \
    "pelatihan extension of its own")                                                              \
  X(kFhirExportDone, "fhir_export_done", 200,                                                      \
    "{0} sumber daya FHIR R4 ({1} Organization, {2} Location, {3} Practitioner, {4} "              \
    "PractitionerRole) ditulis ke {5}",                                                            \
    "{0} FHIR R4 resources ({1} Organization, {2} Location, {3} Practitioner, {4} "                \
    "PractitionerRole) written to {5}")                                                            \
  X(kDhis2UnknownOrgUnit, "dhis2_unknown_orgunit", 422,                                            \
    "{0}: unit organisasi '{1}' bukan fasyankes ruang kerja dan tidak ada di pemetaan "            \
    "dhis2-mapping",                                                                               \
    "{0}: organisation unit '{1}' is not a facility of the workspace nor in the dhis2-mapping")    \
  X(kDhis2UnknownElement, "dhis2_unknown_element", 422,                                            \
    "{0}: data element '{1}' dengan categoryOptionCombo '{2}' tidak ada di pemetaan "              \
    "dhis2-mapping "                                                                               \
    "(jenis layanan)",                                                                             \
    "{0}: data element '{1}' with categoryOptionCombo '{2}' is not in the dhis2-mapping (kind "    \
    "layanan)")                                                                                    \
  X(kDhis2BadPeriod, "dhis2_bad_period", 422,                                                      \
    "{0}: '{1}' bukan periode DHIS2 yang dikenal (2025, 2025Q1, 202501, 2025W01, 2025S1, "         \
    "20250115, "                                                                                   \
    "...)",                                                                                        \
    "{0}: '{1}' is not a DHIS2 period Jangkau knows (2025, 2025Q1, 202501, 2025W01, 2025S1, "      \
    "20250115, ...)")                                                                              \
  X(kDhis2PeriodType, "dhis2_period_type", 422,                                                    \
    "{0}: periode '{1}' berjenis {2}; pemetaan data element ini mengizinkan {3}",                  \
    "{0}: period '{1}' is {2}; the mapping of this data element allows {3}")                       \
  X(kDhis2NotCount, "dhis2_not_count", 422,                                                        \
    "{0}: nilai '{1}' bukan bilangan bulat 0 sampai 10^12",                                        \
    "{0}: value '{1}' is not a whole number from 0 to 10^12")                                      \
  X(kDhis2PartialYear, "dhis2_partial_year", 200,                                                  \
    "{0} {1} {2}: hanya {3} dari {4} periode {5} tahun ini ada; volume tahunan dijumlah dari "     \
    "yang "                                                                                        \
    "ada",                                                                                         \
    "{0} {1} {2}: only {3} of the year's {4} {5} periods are present; the annual volume sums "     \
    "those present")                                                                               \
  X(kDhis2Skipped, "dhis2_skipped", 200,                                                           \
    "{0} nilai dari data element hasil Jangkau sendiri (tenaga, kebutuhan, kesenjangan, "          \
    "penduduk) tidak dibaca kembali; yang dibaca hanya volume layanan",                            \
    "{0} values of Jangkau's own results (headcount, need, gap, population) are not read back; "   \
    "only service volumes are")                                                                    \
  X(kDhis2Export, "dhis2_export", 200, "{0} {1} DHIS2 ditulis ke {2}",                             \
    "{0} DHIS2 {1} written to {2}")                                                                \
  X(kDhis2DryRun, "dhis2_dry_run", 200,                                                            \
    "uji coba (--dry-run): {0} volume layanan akan ditulis ({1} baru, {2} berubah, {3} sama); "    \
    "tidak ada yang disimpan",                                                                     \
    "dry run (--dry-run): {0} service volumes would be written ({1} new, {2} changed, {3} "        \
    "unchanged); nothing was saved")                                                               \
  X(kDhis2Change, "dhis2_change", 200, "{0} {1} {2}: {3} menjadi {4}",                             \
    "{0} {1} {2}: {3} becomes {4}")                                                                \
  X(kExportDone, "export_done", 200, "{0} baris {1} ditulis ke {2}",                               \
    "{0} rows of {1} written to {2}")
