#include "base/messages.h"

#include <array>

#include <fmt/args.h>
#include <fmt/format.h>

namespace jangkau {
namespace {

constexpr std::array kMessages = {
#define JANGKAU_MSG_ROW(name, code, status, id, en) MsgInfo{Msg::name, code, status, id, en},
    JANGKAU_MESSAGES(JANGKAU_MSG_ROW)
#undef JANGKAU_MSG_ROW
};

const MsgInfo& Info(Msg msg) { return kMessages[static_cast<std::size_t>(msg)]; }

}  // namespace

std::string_view MsgCode(Msg msg) { return Info(msg).code; }

int MsgStatus(Msg msg) { return Info(msg).status; }

std::optional<Msg> MsgFromCode(std::string_view code) {
  for (const auto& info : kMessages) {
    if (info.code == code) return info.msg;
  }
  return std::nullopt;
}

std::string Tr(Lang lang, Msg msg, const std::vector<std::string>& args) {
  const MsgInfo& info = Info(msg);
  const std::string_view text = lang == Lang::kEn ? info.en : info.id;
  fmt::dynamic_format_arg_store<fmt::format_context> store;
  for (const auto& a : args) store.push_back(a);
  try {
    return fmt::vformat(text, store);
  } catch (const fmt::format_error&) {
    return std::string(text);
  }
}

std::vector<MsgInfo> AllMessages() { return {kMessages.begin(), kMessages.end()}; }

}  // namespace jangkau
