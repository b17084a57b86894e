#include "report/mosaic.h"

#include <filesystem>

#include <cpl_conv.h>
#include <cpl_error.h>
#include <gdal.h>
#include <gdal_utils.h>

namespace jangkau::report {

std::expected<void, Error> WriteMosaic(const std::string& vrt_path,
                                       const std::vector<std::string>& sources) {
  GDALAllRegister();
  std::vector<const char*> names;
  names.reserve(sources.size());
  for (const std::string& s : sources) names.push_back(s.c_str());
  const std::string tmp = vrt_path + ".tmp.vrt";
  // A source that does not fit (another cell size, projection or band type) is an error, not
  // left out with a warning.
  const char* argv[] = {"-strict", nullptr};
  GDALBuildVRTOptions* options = GDALBuildVRTOptionsNew(const_cast<char**>(argv), nullptr);
  if (options == nullptr)
    return std::unexpected(Error{Msg::kWrite, {vrt_path, CPLGetLastErrorMsg()}});
  int usage_error = 0;
  GDALDatasetH vrt = GDALBuildVRT(tmp.c_str(), static_cast<int>(names.size()), nullptr,
                                  names.data(), options, &usage_error);
  GDALBuildVRTOptionsFree(options);
  const std::string message = CPLGetLastErrorMsg();
  std::error_code ec;
  if (vrt == nullptr || usage_error != 0) {
    if (vrt != nullptr) GDALClose(vrt);
    std::filesystem::remove(tmp, ec);
    return std::unexpected(Error{Msg::kWrite, {vrt_path, message}});
  }
  CPLErrorReset();
  GDALClose(vrt);  // writes the file
  if (CPLGetLastErrorType() >= CE_Failure) {
    const std::string failed = CPLGetLastErrorMsg();
    std::filesystem::remove(tmp, ec);
    return std::unexpected(Error{Msg::kWrite, {vrt_path, failed}});
  }
  std::filesystem::rename(tmp, vrt_path, ec);
  if (ec) return std::unexpected(Error{Msg::kWrite, {vrt_path, ec.message()}});
  return {};
}

}  // namespace jangkau::report
