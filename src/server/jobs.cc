#include "server/jobs.h"

#include <malloc.h>

#include <algorithm>

#include "server/auth.h"

namespace jangkau::server {

using Json = nlohmann::json;
using Clock = std::chrono::steady_clock;

struct JobRunner::Job {
  std::string id;
  std::string kind;
  std::string owner;
  Lang lang = Lang::kId;
  std::string state = "queued";  // queued, running, done, failed
  int step = 0;
  int of = 0;
  std::string message;
  std::optional<Error> error;
  Json result;
  Work work;  // released once run
  Clock::time_point finished{};
};

JobRunner::JobRunner(Options options, std::function<void()> on_finished)
    : options_(options), on_finished_(std::move(on_finished)) {
  for (int i = 0; i < std::max(1, options_.workers); ++i) threads_.emplace_back([this] { Loop(); });
}

JobRunner::~JobRunner() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
    queue_.clear();
  }
  cv_.notify_all();
  for (auto& t : threads_) t.join();
}

std::expected<std::string, Error> JobRunner::Start(const std::string& kind,
                                                   const std::string& owner, Lang lang, Work work) {
  std::lock_guard lock(mutex_);
  if (static_cast<int>(queue_.size()) >= options_.queue) {
    return std::unexpected(Error{Msg::kHttpJobsFull, {std::to_string(options_.queue)}});
  }
  Prune();
  auto job = std::make_shared<Job>();
  job->id = RandomToken().substr(0, 24);
  job->kind = kind;
  job->owner = owner;
  job->lang = lang;
  job->work = std::move(work);
  jobs_[job->id] = job;
  queue_.push_back(job);
  cv_.notify_one();
  return job->id;
}

void JobRunner::Loop() {
  for (;;) {
    std::shared_ptr<Job> job;
    {
      std::unique_lock lock(mutex_);
      cv_.wait(lock, [&] { return stopping_ || !queue_.empty(); });
      if (stopping_) return;
      job = queue_.front();
      queue_.pop_front();
      job->state = "running";
      peak_running_ = std::max(peak_running_, ++running_);
    }
    std::expected<Json, Error> result = std::unexpected(Error{Msg::kInternal, {"job"}});
    try {
      result = job->work([&](int step, int of, const std::string& what) {
        std::lock_guard lock(mutex_);
        job->step = step;
        job->of = of;
        job->message = what;
      });
    } catch (const std::exception& e) {
      result = std::unexpected(Error{Msg::kInternal, {e.what()}});
    }
    {
      std::lock_guard lock(mutex_);
      --running_;
      job->work = nullptr;  // what the work captured (a scenario, a model) goes now
      job->finished = Clock::now();
      if (result) {
        job->state = "done";
        job->step = job->of;
        job->result = std::move(*result);
      } else {
        job->state = "failed";
        job->error = result.error();
      }
      Prune();
    }
    // A job builds large grids; give the memory back to the system rather than keep it in
    // this thread's arena.
    malloc_trim(0);
    if (on_finished_) on_finished_();
  }
}

void JobRunner::Prune() {
  const auto now = Clock::now();
  std::vector<std::shared_ptr<Job>> finished;
  for (auto it = jobs_.begin(); it != jobs_.end();) {
    const bool over = it->second->state == "done" || it->second->state == "failed";
    if (over && now - it->second->finished > options_.keep) {
      it = jobs_.erase(it);
      continue;
    }
    if (over) finished.push_back(it->second);
    ++it;
  }
  if (finished.size() <= options_.max_finished) return;
  std::ranges::sort(finished,
                    [](const auto& a, const auto& b) { return a->finished < b->finished; });
  for (std::size_t i = 0; i + options_.max_finished < finished.size(); ++i) {
    jobs_.erase(finished[i]->id);
  }
}

std::optional<Json> JobRunner::Get(const std::string& id, const std::string& user, bool admin,
                                   Lang lang) {
  std::lock_guard lock(mutex_);
  auto it = jobs_.find(id);
  if (it == jobs_.end() || (it->second->owner != user && !admin)) return std::nullopt;
  const Job& j = *it->second;
  const bool done = j.state == "done";
  Json body = {{"id", j.id},
               {"kind", j.kind},
               {"state", j.state},
               {"step", j.step},
               {"of", j.of},
               {"message", j.state == "queued" ? Tr(lang, Msg::kHttpJobQueued, {}) : j.message},
               {"fraction", done       ? 1.0
                            : j.of > 0 ? static_cast<double>(j.step) / j.of
                                       : 0.0}};
  if (j.error) {
    body["error"] = {{"code", std::string(MsgCode(j.error->msg))},
                     {"message", j.error->Text(lang)}};
  }
  if (done) body["result"] = j.result;
  return body;
}

JobRunner::Counts JobRunner::counts() const {
  std::lock_guard lock(mutex_);
  Counts c;
  for (const auto& [id, j] : jobs_) {
    if (j->state == "queued") ++c.queued;
    if (j->state == "done" || j->state == "failed") ++c.finished;
  }
  c.running = running_;
  c.peak_running = peak_running_;
  return c;
}

}  // namespace jangkau::server
