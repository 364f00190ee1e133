#include "watch.h"

#include <algorithm>
#include <filesystem>

namespace fs = std::filesystem;

namespace ck {

std::vector<FileStamp> snapshot_files(const std::vector<std::string>& folders) {
  std::vector<FileStamp> stamps;
  for (const std::string& folder : folders) {
    std::error_code ec;
    fs::recursive_directory_iterator it(folder, fs::directory_options::skip_permission_denied, ec), end;
    for (; !ec && it != end; it.increment(ec)) {
      std::error_code stat_ec;
      fs::file_status status = it->symlink_status(stat_ec);
      if (stat_ec || fs::is_directory(status)) continue;
      FileStamp stamp{it->path().string(), -1, 0};
      if (fs::is_regular_file(it->status(stat_ec))) {
        stamp.size = static_cast<long long>(it->file_size(stat_ec));
        stamp.mtime_ns = static_cast<long long>(it->last_write_time(stat_ec).time_since_epoch().count());
      }
      stamps.push_back(std::move(stamp));
    }
  }
  std::sort(stamps.begin(), stamps.end(),
            [](const FileStamp& a, const FileStamp& b) { return a.path < b.path; });
  return stamps;
}

ChangeWatcher::ChangeWatcher(std::vector<std::string> folders)
    : folders_(std::move(folders)), last_(snapshot_files(folders_)) {}

bool ChangeWatcher::changed() {
  std::vector<FileStamp> now = snapshot_files(folders_);
  if (now == last_) return false;
  last_ = std::move(now);
  return true;
}

}  // namespace ck
