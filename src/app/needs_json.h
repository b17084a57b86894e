// JSON forms of the single WISN and ABK-Kes calculations (`jangkau wisn CASE.json`,
// `jangkau abk CASE.json`, later the HTTP API): parsing with the offending field named, and
// the result objects. Field names are documented in docs/needs.md. Thread-safe.
#pragma once

#include <expected>

#include <nlohmann/json.hpp>

#include "needs/abk.h"
#include "needs/wisn.h"

namespace jangkau::app {

std::expected<needs::WisnCase, needs::NeedsError> ParseWisnCase(const nlohmann::json& j);
std::expected<needs::AbkCase, needs::NeedsError> ParseAbkCase(const nlohmann::json& j);
nlohmann::json WisnResultJson(const needs::WisnResult& r);
nlohmann::json AbkResultJson(const needs::AbkResult& r);

}  // namespace jangkau::app
