// The workspace: one SQLite file per district (*.jangkau) holding regions, population,
// facilities, health workers, equipment, service volumes, reporting periods, warnings and the
// audit log. WAL journal, foreign keys on, forward migrations on open. Every write below is
// one transaction: on any failure nothing of it is written (a process killed mid-write leaves
// the file as it was before). A Workspace is not thread-safe; open one per thread (SQLite
// serialises writers between processes).
#pragma once

#include <cstdint>
#include <expected>
#include <functional>
#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "base/diagnostic.h"
#include "model/audit.h"
#include "model/emergency.h"
#include "model/facility.h"
#include "model/growth.h"
#include "model/programmes.h"
#include "model/reference.h"
#include "model/region.h"
#include "model/scenario.h"
#include "model/surveillance.h"
#include "model/workforce.h"

namespace jangkau::store {

class Connection;
class DatabaseError;

// A failure of the database as the user is told it: kWorkspaceBusy when another writer holds it,
// else kWorkspaceOpen naming `where` (the workspace) or, without it, kDatabase.
Error StoreError(const DatabaseError& e, const std::string& where = {});

// Who imported what, for the imports table and the audit log.
struct ImportRecord {
  std::string kind;  // "facilities", "staff", ...
  std::string file;
  std::string user;
  int64_t rows = 0;
  // Set for one facility's own report (the web form or an operator's upload): that facility's
  // rows of the kind are replaced whole, even by an empty batch.
  std::string facility;
  // The report's version (ReportVersion) the writer read; when set and no longer current, the
  // write is refused (kReportStale): somebody else wrote in between.
  std::string expect_version;
};

struct CheckResult {
  bool ok = true;
  std::vector<std::string> problems;  // SQLite's and Jangkau's own findings
};

class Workspace {
 public:
  // Creates a new workspace file with the latest schema, the cadre catalogue and the
  // reference tables of `seed`, in one transaction.
  // Fails with kWorkspaceExists if `path` exists.
  struct Seed {
    std::vector<Cadre> cadres;
    std::vector<CadreAlias> aliases;
    // Reference tables in force from the start: (kind, name, CSV text).
    std::vector<std::tuple<std::string, std::string, std::string>> references;
  };
  static std::expected<std::unique_ptr<Workspace>, Error> Create(const std::string& path,
                                                                 const Seed& seed);
  // Opens an existing workspace and applies pending migrations. Fails with
  // kWorkspaceMissing, kWorkspaceNotJangkau, kWorkspaceTooNew or kWorkspaceOpen.
  static std::expected<std::unique_ptr<Workspace>, Error> Open(const std::string& path);
  ~Workspace();

  const std::string& path() const { return path_; }
  int schema_version() const;
  // Changes whenever another connection (another process, a background run) commits: lets
  // a cache of results notice writes it did not make.
  int64_t DataVersion() const;
  // The id of the latest import (0 when none): changes when any data, layer or reference table
  // is imported, not when incidents move through their lifecycle.
  int64_t LastImportId() const;

  // --- reads (a consistent snapshot each) ---
  std::vector<Region> Regions(bool with_geometry = true) const;
  std::vector<PopulationRecord> Population() const;
  // Every facility, or the one of code `kode` (none when there is no such facility).
  std::vector<Facility> Facilities(const std::string& kode = {}) const;
  // The roster, of every facility or of one (`kode_faskes` not empty).
  std::vector<StaffMember> Staff(const std::string& kode_faskes = {}) const;
  std::vector<StaffCount> StaffCounts() const;
  std::vector<EquipmentItem> Equipment(const std::string& kode_faskes = {}) const;
  std::vector<ServiceVolume> Services(const std::string& kode_faskes = {}) const;
  CadreCatalog Cadres() const;
  std::vector<Diagnostic> StoredWarnings() const;
  std::vector<AuditEntry> Audit(int64_t limit) const;

  // --- imports: one transaction each, recorded in `imports` and the audit log with the
  // warnings found; existing rows with the same key are replaced (see each). ---
  // Upserts regions by kode. Without `with_boundaries` (a CSV: no geometry) the stored
  // boundaries and centroids stay; without `with_bps` the stored BPS codes stay.
  std::expected<void, Error> ImportRegions(const ImportRecord& rec,
                                           const std::vector<Region>& regions,
                                           const std::vector<Diagnostic>& warnings,
                                           bool with_boundaries = true, bool with_bps = true);
  // Upserts by (kode_wilayah, tahun).
  std::expected<void, Error> ImportPopulation(const ImportRecord& rec,
                                              const std::vector<PopulationRecord>& rows,
                                              const std::vector<Diagnostic>& warnings);
  // Upserts facilities by kode, changing of an existing one only the fields `fields` names;
  // when `with_counts`, replaces the aggregate headcounts of every facility in the batch by
  // `counts`.
  std::expected<void, Error> ImportFacilities(const ImportRecord& rec,
                                              const std::vector<Facility>& facilities,
                                              bool with_counts,
                                              const std::vector<StaffCount>& counts,
                                              const std::vector<Diagnostic>& warnings,
                                              const FacilityFields& fields = {});
  // Sets assumed attributes, marking them as assumptions.
  std::expected<void, Error> ImportAssumptions(const ImportRecord& rec,
                                               const std::vector<FacilityAssumption>& rows,
                                               const std::vector<Diagnostic>& warnings);
  // Replaces the roster of every facility that appears in `staff`.
  std::expected<void, Error> ImportStaff(const ImportRecord& rec,
                                         const std::vector<StaffMember>& staff,
                                         const std::vector<Diagnostic>& warnings);
  // Replaces the headcounts of every facility that appears in `counts`.
  std::expected<void, Error> ImportStaffCounts(const ImportRecord& rec,
                                               const std::vector<StaffCount>& counts,
                                               const std::vector<Diagnostic>& warnings);
  // Replaces the equipment list of every facility that appears in `items`.
  std::expected<void, Error> ImportEquipment(const ImportRecord& rec,
                                             const std::vector<EquipmentItem>& items,
                                             const std::vector<Diagnostic>& warnings);
  // Replaces the volumes of every (facility, year) that appears in `rows`.
  std::expected<void, Error> ImportServices(const ImportRecord& rec,
                                            const std::vector<ServiceVolume>& rows,
                                            const std::vector<Diagnostic>& warnings);
  // Upserts each (facility, year, activity) of `rows`; the other activities stay (a DHIS2
  // dataValueSet carries the data elements it carries).
  std::expected<void, Error> MergeServices(const ImportRecord& rec,
                                           const std::vector<ServiceVolume>& rows,
                                           const std::vector<Diagnostic>& warnings);
  // A registry read from another system (FHIR) in one transaction: the facilities upserted as
  // ImportFacilities does, the assumptions marked as ImportAssumptions does, and the roster of
  // every facility in `staff` replaced.
  struct RegistryBatch {
    std::vector<Facility> facilities;
    FacilityFields fields;
    std::vector<FacilityAssumption> assumptions;
    std::vector<StaffMember> staff;
    std::vector<std::string> rosters;  // facilities whose roster is replaced (by `staff`, or none)
  };
  std::expected<void, Error> ImportRegistry(const ImportRecord& rec, const RegistryBatch& batch,
                                            const std::vector<Diagnostic>& warnings);

  // Upserts per (desa, indicator).
  std::expected<void, Error> ImportIndicators(const ImportRecord& rec,
                                              const std::vector<RegionIndicator>& rows,
                                              const std::vector<Diagnostic>& warnings);
  // Upserts per desa.
  std::expected<void, Error> ImportCatchments(const ImportRecord& rec,
                                              const std::vector<Catchment>& rows,
                                              const std::vector<Diagnostic>& warnings);
  std::vector<RegionIndicator> Indicators() const;

  // Geographic layers: an import replaces every feature of its kind.
  std::expected<void, Error> ImportLayer(const ImportRecord& rec, const std::string& kind,
                                         const std::vector<MapFeature>& features);
  std::vector<MapFeature> Layer(const std::string& kind) const;

  // Access results of a scenario: replaced whole by each run.
  struct AccessResults {
    std::string scenario;
    std::vector<std::pair<std::string, RegionAccess>> regions;  // (target, region)
    std::vector<FacilityAccess> facilities;
    std::vector<FacilityRoute> routes;  // between facilities, within the search bound
  };
  std::expected<void, Error> StoreAccessResults(const AccessResults& results,
                                                const std::string& user);
  std::vector<std::pair<std::string, RegionAccess>> AccessRegions(
      const std::string& scenario) const;
  std::vector<FacilityAccess> AccessFacilities(const std::string& scenario) const;
  std::vector<Catchment> Catchments() const;
  std::vector<FacilityRoute> Routes(const std::string& scenario) const;

  // Planning scenarios: saved whole (replacing one of the same name), in the audit log.
  // `expect_version`: the version (ScenarioVersion) the writer read; when set and no longer
  // current, nothing is written (kScenarioStale).
  std::expected<void, Error> PutScenario(const Scenario& scenario, const std::string& user,
                                         const std::string& expect_version = "");
  std::string ScenarioVersion(const std::string& nama) const;
  std::vector<Scenario> Scenarios() const;
  std::optional<Scenario> FindScenario(const std::string& nama) const;
  // False when there is none of that name.
  std::expected<bool, Error> DeleteScenario(const std::string& nama, const std::string& user);

  // Reference tables: validated CSV text stored as a new version of (kind, name).
  std::expected<void, Error> StoreReference(const ImportRecord& rec, const std::string& kind,
                                            const std::string& name, const std::string& csv_text);
  struct ReferenceVersion {
    std::string kind;
    std::string name;
    int64_t version = 0;
    std::string source;  // file it came from, or "bawaan" for the shipped default
    std::string waktu;
    std::string csv_text;
  };
  // The version in force (the highest) of (kind, name), if any.
  std::optional<ReferenceVersion> Reference(const std::string& kind, const std::string& name) const;
  // The versions in force of every reference table (without their text).
  std::vector<ReferenceVersion> References() const;

  // Users of the web application (the password hash is computed by the caller).
  struct User {
    std::string username;
    std::string role;         // admin, planner, operator, viewer, dispatcher
    std::string kode_faskes;  // operators only
    std::string hash;         // argon2id (libsodium crypto_pwhash_str)
    std::string wilayah;      // the region the user is scoped to; empty: the whole workspace
  };
  // Adds or replaces a user; recorded in the audit log.
  std::expected<void, Error> PutUser(const User& user, const std::string& by);
  std::optional<User> FindUser(const std::string& username) const;

  // Emergency response (store/emergency_store.cc). A unit's code is unique (kUnitExists).
  std::expected<void, Error> AddUnit(const EmergencyUnit& unit, const std::string& user);
  std::vector<EmergencyUnit> Units() const;
  // A new incident (status baru); returns its id.
  std::expected<int64_t, Error> CreateIncident(const Incident& incident, const std::string& user);
  // Past incidents from a file: an incident whose kode is already stored is replaced whole
  // (with its recorded events); the others are added.
  std::expected<void, Error> ImportIncidents(const ImportRecord& rec,
                                             const std::vector<Incident>& incidents,
                                             const std::vector<Diagnostic>& warnings);
  std::optional<Incident> FindIncident(int64_t id) const;
  std::vector<Incident> Incidents() const;  // by id

  // --- growth monitoring (store/growth_store.cc) ---
  // e-PPGBM measurements: a record of a child and date already stored is replaced.
  std::expected<void, Error> ImportGrowth(const ImportRecord& rec,
                                          const std::vector<GrowthRecord>& records,
                                          const std::vector<Diagnostic>& warnings);
  std::vector<GrowthRecord> GrowthRecords() const;  // by child, then date

  // --- STBM, JKN, Germas (store/programmes_store.cc) ---
  // A row of the same key (desa and date; region and date; kabupaten and item) is replaced.
  std::expected<void, Error> ImportStbm(const ImportRecord& rec, const std::vector<StbmDesa>& rows,
                                        const std::vector<Diagnostic>& warnings);
  std::vector<StbmDesa> Stbm() const;  // by desa, then date
  std::expected<void, Error> ImportJkn(const ImportRecord& rec, const std::vector<JknRecord>& rows,
                                       const std::vector<Diagnostic>& warnings);
  std::vector<JknRecord> Jkn() const;  // by region, then date
  std::expected<void, Error> ImportGermas(const ImportRecord& rec,
                                          const std::vector<GermasItem>& items,
                                          const std::vector<Diagnostic>& warnings);
  std::vector<GermasItem> Germas() const;  // by region, then item
  // --- weekly disease reports and alerts (store/surveillance_store.cc) ---
  // A report of the same facility, week and disease replaces the one in force when its values
  // differ and it is not older (by `diterima`; a report without one is received now); every
  // different value is kept in the sending history. The same values again change nothing.
  std::expected<void, Error> ImportWeekly(const ImportRecord& rec,
                                          const std::vector<WeeklyReport>& rows,
                                          const std::vector<Diagnostic>& warnings);
  // By facility, week and disease (the table's key order: no sort).
  std::vector<StoredWeeklyReport> WeeklyReports() const;
  // The sending history of the reports sent with more than one value, oldest first.
  std::vector<WeeklyResend> WeeklyResends() const;
  // The recorded lifecycle steps, by alert then time.
  std::vector<AlertEvent> AlertEvents() const;
  // Records one step with an audit row; the caller checked the transition and the time.
  std::expected<void, Error> AddAlertEvent(const AlertEvent& event);

  // One transition, atomically: the incident as `apply` makes it (its refusal writes nothing),
  // one incident_events row and one audit row; the unit's status becomes `unit_status` when
  // given. Giving a unit (unit_dikirim) takes it only if it is available: a unit busy on
  // another incident is a conflict (kUnitBusy), an unknown one kUnknownUnit.
  std::expected<Incident, Error> RecordIncidentEvent(
      int64_t id, const IncidentEvent& event, std::optional<UnitStatus> unit_status,
      const std::function<std::expected<Incident, Error>(const Incident&)>& apply);

  // Sessions of the web application (store/session_store.cc). Hashes only, never a token in
  // clear. `expires` is seconds since the epoch.
  struct StoredSession {
    std::string username;
    std::string role;
    std::string kode_faskes;
    std::string csrf_hash;
    int64_t expires = 0;
    std::string wilayah;       // the user's region; empty: the whole workspace
    int64_t data_version = 0;  // DataVersion(), read in the same query
  };
  std::expected<void, Error> PutSession(const std::string& token_hash, const std::string& username,
                                        const std::string& csrf_hash, int64_t expires);
  // The live session of `token_hash` at `now` with its user's current role, facility and region,
  // and the workspace's data version: one round trip.
  std::optional<StoredSession> FindSession(const std::string& token_hash, int64_t now) const;
  std::expected<void, Error> ExtendSession(const std::string& token_hash, int64_t expires);
  std::expected<void, Error> DeleteSession(const std::string& token_hash);
  // Ends every session of `username` except `keep` (a token hash, may be empty); returns how
  // many ended.
  std::expected<int, Error> DeleteUserSessions(const std::string& username,
                                               const std::string& keep);
  std::expected<void, Error> DeleteExpiredSessions(int64_t now);

  // Reporting periods and each facility's report status in a period (the web application's
  // submit / verify / return). A facility without a row is "draft".
  struct Period {
    int64_t id = 0;
    std::string nama;
    std::string mulai;  // ISO dates
    std::string selesai;
  };
  struct Submission {
    std::string kode_faskes;
    std::string status;  // draft, submitted, verified, returned
    std::string komentar;
    std::string diubah_pada;
    std::string diubah_oleh;
  };
  // The period containing `today` (ISO date); when none does, the calendar year of `today` is
  // created as a period (recorded in the audit log under `user`).
  std::expected<Period, Error> EnsurePeriod(const std::string& today, const std::string& user);
  std::vector<Submission> Submissions(int64_t period_id) const;
  // Sets the status, with an audit entry. The caller checks the transition.
  std::expected<void, Error> SetSubmission(int64_t period_id, const Submission& s);

  // Replaces the findings of `jangkau validate` (sumber 'validate').
  std::expected<void, Error> ReplaceValidationWarnings(const std::vector<Diagnostic>& found);

  // The version of one facility's report of `kind` ("staff", "equipment", "services"): a
  // fingerprint of its rows, changed by any write that changes them.
  std::string ReportVersion(std::string_view kind, const std::string& kode) const;

  // SQLite integrity and foreign-key checks plus Jangkau's own invariants.
  CheckResult Check() const;

  // The database itself, for the store's operations on a whole workspace (store/copy.cc,
  // store/backup.cc); every other use goes through the methods above.
  Connection& connection() const { return *conn_; }

 private:
  Workspace(std::string path, std::unique_ptr<Connection> conn);
  // Runs `body` (which writes the rows and returns the entities touched) inside one
  // transaction with the import record, the warnings and the audit entry.
  std::expected<void, Error> WriteImport(const ImportRecord& rec,
                                         const std::vector<Diagnostic>& warnings,
                                         const std::function<std::set<std::string>()>& body);
  // The bodies of the imports above, for WriteImport (each returns the facilities touched).
  std::set<std::string> WriteFacilities(const std::vector<Facility>& facilities, bool with_counts,
                                        const std::vector<StaffCount>& counts,
                                        const FacilityFields& fields);
  std::set<std::string> WriteAssumptions(const std::vector<FacilityAssumption>& rows);
  // `also`: facilities whose roster is emptied even when no item is theirs.
  std::set<std::string> WriteStaff(const ImportRecord& rec, const std::vector<StaffMember>& staff,
                                   const std::vector<std::string>& also = {});

  std::string path_;
  std::unique_ptr<Connection> conn_;
};

// Current time as ISO 8601 UTC ("2026-11-29T08:33:14Z").
std::string NowIso();

}  // namespace jangkau::store
