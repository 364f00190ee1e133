// All reading of source files goes through Disk, so tests can load a site
// from memory. Writing the output is write.h's job.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace ck {

// What a file looks like: a file rewritten by anyone gets a new modification
// time or inode.
struct FileStat {
  std::uint64_t size = 0;
  std::uint64_t mtime_ns = 0;
  std::uint64_t inode = 0;
  bool operator==(const FileStat&) const = default;
};
// Of a regular file; nullopt for anything else. With `dir_fd` (an open
// directory), `path` is relative to it, which saves looking up the
// directory's own path again for each of thousands of files.
std::optional<FileStat> stat_file(std::string_view path, int dir_fd = -1);
// Writes `bytes` as the whole file at `path`, creating missing folders, and
// returns the file's stat, taken from the open file; nullopt on failure.
std::optional<FileStat> write_file(const std::string& path, std::string_view bytes);

// A file the build writes and then reads back by position, held open so the
// bytes read are the ones it wrote even if another build replaces the file
// meanwhile. Shared by everything that reads from it; closed with the last.
class OpenFile {
 public:
  // A new, empty file at `path` (replacing any, which stays whole for
  // whoever has it open), or the existing one to add to or to read;
  // nullopt when it cannot be opened.
  static std::optional<OpenFile> create(const std::string& path);
  static std::optional<OpenFile> to_append(const std::string& path);
  static std::optional<OpenFile> to_read(const std::string& path);
  OpenFile(OpenFile&& other) noexcept : fd_(std::exchange(other.fd_, -1)) {}
  OpenFile& operator=(OpenFile&&) = delete;
  OpenFile(const OpenFile&) = delete;
  OpenFile& operator=(const OpenFile&) = delete;
  ~OpenFile();
  bool append(std::string_view bytes);
  std::optional<std::uint64_t> size() const;
  // `size` bytes from `offset` into *into; false if the file has fewer.
  bool read_at(std::uint64_t offset, std::size_t size, std::string* into) const;

 private:
  explicit OpenFile(int fd) : fd_(fd) {}
  static std::optional<OpenFile> open(const std::string& path, int flags);
  int fd_ = -1;
};

// A file written beside `path` (at path + ".new") a piece at a time and
// renamed over it once whole, so that a reader never sees half a file and
// a large file is never held in memory; when writing fails, nothing is
// left behind.
class ReplacingFile {
 public:
  explicit ReplacingFile(std::string path);
  void append(std::string_view bytes);
  // How many bytes were appended; whether all are in the file so far.
  std::uint64_t size() const { return size_; }
  bool ok() const { return file_.has_value(); }
  // `size` bytes appended from `offset` on, read back; false when writing failed.
  bool read_at(std::uint64_t offset, std::size_t size, std::string* into);
  bool commit();

 private:
  bool flush();
  std::string path_;
  std::optional<OpenFile> file_;
  std::string pending_;
  std::uint64_t size_ = 0;
};

// Whether the file at `path` holds exactly `bytes`. It is read a piece at a
// time into a buffer of the thread's: a page of megabytes is not copied
// into fresh memory only to be compared, and a small one is not mapped.
bool file_holds(const std::string& path, std::string_view bytes);

// A file's bytes mapped read-only into memory: large files the build made
// itself (its state and parse cache) are read without copying them.
class MappedFile {
 public:
  // The file at `path`, or nullopt when it cannot be opened or mapped.
  static std::optional<MappedFile> open(const std::string& path);
  MappedFile(MappedFile&& other) noexcept : data_(std::exchange(other.data_, nullptr)), size_(other.size_) {}
  MappedFile& operator=(MappedFile&& other) noexcept;
  MappedFile(const MappedFile&) = delete;
  MappedFile& operator=(const MappedFile&) = delete;
  ~MappedFile();
  std::string_view bytes() const { return {static_cast<const char*>(data_), size_}; }

 private:
  MappedFile(void* data, std::size_t size) : data_(data), size_(size) {}
  void* data_ = nullptr;
  std::size_t size_ = 0;
};

class Disk {
 public:
  virtual ~Disk() = default;
  // The whole file, or nullopt with a reason in *error (missing, a directory,
  // a dangling link, unreadable).
  virtual std::optional<std::string> read_file(const std::string& path, std::string* error) const = 0;
  // Entries below `dir` (recursively) whose names end with `suffix`, sorted,
  // each as dir + "/" + relative path. Includes entries that are not regular
  // files, so that reading them reports why they cannot be used. An empty
  // suffix lists every file below `dir`, and no directories.
  virtual std::vector<std::string> list(const std::string& dir, std::string_view suffix) const = 0;
  virtual bool is_directory(const std::string& path) const = 0;
};

class RealDisk final : public Disk {
 public:
  std::optional<std::string> read_file(const std::string& path, std::string* error) const override;
  std::vector<std::string> list(const std::string& dir, std::string_view suffix) const override;
  bool is_directory(const std::string& path) const override;
};

// An in-memory tree for tests: path -> contents.
class MemoryDisk final : public Disk {
 public:
  std::map<std::string, std::string> files;
  std::optional<std::string> read_file(const std::string& path, std::string* error) const override;
  std::vector<std::string> list(const std::string& dir, std::string_view suffix) const override;
  bool is_directory(const std::string& path) const override;
};

}  // namespace ck
