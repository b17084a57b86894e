#!/usr/bin/env node
// Checks recorded API responses against the OpenAPI spec (the C++ API tests record them).
//
//   node web/scripts/check-responses.mjs docs/openapi.yaml DIR
//
// Every line of every DIR/*.jsonl is one response:
//   {"method": "GET", "path": "/api/v1/facilities/P1/staff?format=xlsx", "status": 200,
//    "content_type": "application/json; charset=utf-8", "body": <parsed JSON, or null when not JSON>}
// For each /api line: the operation is found by the path (query dropped) and the method; an unknown
// path or method answered 404 or 405 is checked against the Error schema. The status must be
// declared (or `default`), the content type declared for it, and a JSON body valid against its
// schema (ajv, JSON Schema 2020-12). Each failure is printed as `METHOD PATH STATUS: error
// (instancePath)`; exit 1 when there is any, else a line `N passed, 0 failed`.

import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { parse } from 'yaml';

const kSpecId = 'https://jangkau.invalid/openapi.json';
const kMethods = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'];

/** The spec at `path` (YAML or JSON) as a plain object; YAML anchors are resolved. */
export function loadSpec(path) {
  return parse(readFileSync(path, 'utf8'), { maxAliasCount: -1 });
}

const escapeRegExp = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A JSON pointer to `parts`, escaped for a URI fragment. */
const pointer = (parts) => parts.map((p) => encodeURIComponent(String(p).replace(/~/g, '~0').replace(/\//g, '~1'))).join('/');
const isJson = (type) => type === 'application/json' || type.endsWith('+json');

/**
 * A checker for `spec`: `check(record)` returns null for a line it ignores (not under /api), else
 * the list of failures (empty when the response conforms).
 */
export function createChecker(spec) {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema({ ...spec, $id: kSpecId });
  const base = (spec.servers?.[0]?.url ?? '').replace(/\/$/, '');
  // Templates without parameters first, so a literal path wins over a template that also matches.
  const routes = Object.keys(spec.paths)
    .map((template) => ({
      template,
      params: (template.match(/\{[^}]+\}/g) ?? []).length,
      regex: new RegExp(
        `^${escapeRegExp(base)}${template
          .split(/\{[^}]+\}/)
          .map(escapeRegExp)
          .join('([^/]+)')}$`,
      ),
    }))
    .sort((a, b) => a.params - b.params);
  const compiled = new Map();
  const validator = (parts) => {
    const ref = `${kSpecId}#/${pointer(parts)}`;
    if (!compiled.has(ref)) compiled.set(ref, ajv.compile({ $ref: ref }));
    return compiled.get(ref);
  };
  const resolve = (obj) => {
    // A $ref to a component (#/components/responses/X): its place in the spec and the object.
    if (obj && typeof obj.$ref === 'string' && obj.$ref.startsWith('#/')) {
      const parts = obj.$ref
        .slice(2)
        .split('/')
        .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
      return { parts, value: parts.reduce((o, p) => o?.[p], spec) };
    }
    return null;
  };

  function validateBody(parts, body) {
    const validate = validator(parts);
    if (validate(body)) return [];
    return validate.errors.map((e) => {
      const extra = e.params?.additionalProperty ?? e.params?.missingProperty;
      return `${e.message}${e.params?.additionalProperty ? ` '${extra}'` : ''} (${e.instancePath || '/'})`;
    });
  }

  function check(record) {
    const path = String(record.path ?? '').split('?')[0];
    if (!path.startsWith('/api/')) return null;
    const method = String(record.method ?? '').toLowerCase();
    const status = Number(record.status);
    const type = String(record.content_type ?? '')
      .split(';')[0]
      .trim()
      .toLowerCase();
    const route = routes.find((r) => r.regex.test(path));
    const operation = route && kMethods.includes(method) ? spec.paths[route.template][method] : undefined;
    if (!operation) {
      if (status !== 404 && status !== 405)
        return [route ? `method ${method.toUpperCase()} not in the spec for ${route.template}` : 'path not in the spec'];
      if (!isJson(type)) return [`content type '${type}' is not JSON (an error is an Error object)`];
      return validateBody(['components', 'schemas', 'Error'], record.body);
    }
    let parts = ['paths', route.template, method, 'responses'];
    const key = operation.responses?.[String(status)] ? String(status) : operation.responses?.default ? 'default' : null;
    if (!key) return [`status ${status} not declared (declared: ${Object.keys(operation.responses ?? {}).join(', ')})`];
    parts = [...parts, key];
    let response = operation.responses[key];
    const target = resolve(response);
    if (target) ({ parts, value: response } = target);
    const content = response?.content ?? {};
    if (!(type in content)) {
      if (!Object.keys(content).length && (record.body === null || record.body === undefined)) return [];
      return [`content type '${type}' not declared (declared: ${Object.keys(content).join(', ') || 'none'})`];
    }
    if (!isJson(type)) return [];
    if (record.body === null || record.body === undefined) return ['the body is not JSON'];
    return validateBody([...parts, 'content', type, 'schema'], record.body);
  }

  return { check };
}

/** Checks every *.jsonl of `dir`: { passed, failed (responses), failures: [message] }. */
export function checkDir(spec, dir) {
  const { check } = createChecker(spec);
  const failures = [];
  let passed = 0;
  let failed = 0;
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith('.jsonl'))
    .sort()) {
    readFileSync(join(dir, file), 'utf8')
      .split('\n')
      .forEach((line, i) => {
        if (!line.trim()) return;
        let record;
        try {
          record = JSON.parse(line);
        } catch (e) {
          failures.push(`${file}:${i + 1}: not JSON: ${e.message}`);
          ++failed;
          return;
        }
        const errors = check(record);
        if (errors === null) return;
        if (errors.length === 0) ++passed;
        else ++failed;
        for (const error of errors) failures.push(`${record.method} ${record.path} ${record.status}: ${error}`);
      });
  }
  return { passed, failed, failures };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [specPath, dir] = process.argv.slice(2);
  if (!specPath || !dir) {
    console.error('usage: node web/scripts/check-responses.mjs docs/openapi.yaml DIR');
    process.exit(2);
  }
  const { passed, failed, failures } = checkDir(loadSpec(specPath), dir);
  for (const f of failures) console.log(f);
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
}
