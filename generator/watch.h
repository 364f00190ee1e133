// Noticing changes to the sources by polling: every file below the watched
// folders is listed with its size and modification time, and two listings
// are compared. Polling sees edits, new files, deletions and renames alike,
// on any file system (also shared folders where change events are lost).
#pragma once

#include <chrono>
#include <string>
#include <vector>

namespace ck {

struct FileStamp {
  std::string path;
  long long size = 0;
  long long mtime_ns = 0;
  bool operator==(const FileStamp&) const = default;
};

// Every file below `folders`, sorted by path. Missing folders are skipped.
std::vector<FileStamp> snapshot_files(const std::vector<std::string>& folders);

class ChangeWatcher {
 public:
  explicit ChangeWatcher(std::vector<std::string> folders);
  // True when the files differ from the previous call (or construction).
  bool changed();

 private:
  std::vector<std::string> folders_;
  std::vector<FileStamp> last_;
};

}  // namespace ck
