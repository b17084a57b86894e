// DHIS2's exchange formats (docs/interop.md): organisation units as metadata JSON, aggregate
// data as a dataValueSet (JSON) or ADX (XML, IHE QRPH), and a dataValueSet read back as annual
// service volumes through the district's mapping (reference kind dhis2-mapping). Pure
// conversions; no I/O. Thread-compatible.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "base/diagnostic.h"
#include "model/dhis2.h"
#include "model/workforce.h"

namespace jangkau::interop {

// A DHIS2 UID (a letter and 10 letters or digits) that is the same for the same key on every
// run: for organisation units the district has not mapped to DHIS2's own.
std::string GeneratedUid(std::string_view key);

struct OrgUnitOut {
  std::string uid, code, name;
  std::string parent_uid;  // empty at the top
  int level = 1;
  nlohmann::json geometry;  // GeoJSON geometry or null
};
// {"organisationUnits": [...]} as DHIS2's metadata import reads it.
std::string OrgUnitsJson(const std::vector<OrgUnitOut>& units);

struct Dhis2Value {
  std::string data_element;  // code or UID, as the export's id scheme says
  std::string coc;           // empty: DHIS2's default
  std::string org_unit;
  std::string period;          // DHIS2's identifier ("2025")
  std::string value;           // as text, as DHIS2 writes it
  std::string adx_categories;  // "CATEGORY=OPTION;..." for ADX
  std::string comment;
};
// {"dataSet": ..., "dataValues": [...]} (DHIS2 Web API /api/dataValueSets).
std::string DataValueSetJson(const std::vector<Dhis2Value>& values, const std::string& data_set);
// ADX 1.0 (urn:ihe:qrph:adx:2015): a group per org unit and period. `exported` is an ISO
// 8601 time.
std::string AdxXml(const std::vector<Dhis2Value>& values, const std::string& data_set,
                   const std::string& exported);

// What a dataValueSet's identifiers mean.
struct Dhis2Lookup {
  std::map<std::string, std::string> org_units;  // DHIS2 code or UID -> facility code
  std::vector<Dhis2MapRow> layanan;              // the mapping's rows of kind layanan
  std::vector<Dhis2MapRow> others;  // its other data elements (Jangkau's results): skipped
};

// The annual service volumes in a dataValueSet (JSON; codes or UIDs, each matched against the
// mapping): values summed per facility, year and activity. Refused (diagnostics at
// `dataValues[i].field`) on an unknown org unit or data element, a period DHIS2 does not know or
// the mapping does not allow, a value that is not a whole number from 0 to 10^12, and the same
// facility, activity and period twice or in two period types of one year; a year only partly
// covered is a warning.
std::vector<ServiceVolume> ReadDataValueSet(std::string_view text, const std::string& file,
                                            const Dhis2Lookup& lookup, Diagnostics& diags);

}  // namespace jangkau::interop
