#include "disk.h"

#include <algorithm>
#include <cerrno>
#include <climits>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <system_error>
#include <utility>

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

namespace fs = std::filesystem;

namespace ck {

namespace {

FileStat file_stat(const struct stat& st) {
  return FileStat{static_cast<std::uint64_t>(st.st_size),
                  static_cast<std::uint64_t>(st.st_mtim.tv_sec) * 1000000000ULL + st.st_mtim.tv_nsec,
                  static_cast<std::uint64_t>(st.st_ino)};
}

class FileDescriptor {
 public:
  explicit FileDescriptor(int fd) : fd_(fd) {}
  ~FileDescriptor() {
    if (fd_ >= 0) ::close(fd_);
  }
  FileDescriptor(const FileDescriptor&) = delete;
  FileDescriptor& operator=(const FileDescriptor&) = delete;
  int get() const { return fd_; }
  void reset(int fd) {
    if (fd_ >= 0) ::close(fd_);
    fd_ = fd;
  }
  // close() can report a failed write-back, so it is checked.
  bool close() { return ::close(std::exchange(fd_, -1)) == 0; }

 private:
  int fd_;
};

int create_file(const std::string& path) {
  return ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
}

bool write_all(int fd, std::string_view bytes) {
  while (!bytes.empty()) {
    const ssize_t n = ::write(fd, bytes.data(), bytes.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    bytes.remove_prefix(static_cast<std::size_t>(n));
  }
  return true;
}

}  // namespace

std::optional<FileStat> stat_file(std::string_view path, int dir_fd) {
  char terminated[PATH_MAX];  // paths read from the state file are not NUL-terminated
  if (path.size() >= sizeof terminated) return std::nullopt;
  path.copy(terminated, path.size());
  terminated[path.size()] = '\0';
  struct stat st {};
  if (::fstatat(dir_fd < 0 ? AT_FDCWD : dir_fd, terminated, &st, 0) != 0 || !S_ISREG(st.st_mode))
    return std::nullopt;
  return file_stat(st);
}

bool file_holds(const std::string& path, std::string_view bytes) {
  FileDescriptor fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
  if (fd.get() < 0) return false;
  thread_local std::string piece(1 << 16, '\0');
  std::size_t at = 0;
  while (true) {
    const ssize_t n = ::read(fd.get(), piece.data(), piece.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return n == 0 && at == bytes.size();
    const auto count = static_cast<std::size_t>(n);
    if (count > bytes.size() - at || bytes.compare(at, count, std::string_view(piece.data(), count)) != 0)
      return false;
    at += count;
  }
}

std::optional<MappedFile> MappedFile::open(const std::string& path) {
  FileDescriptor fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
  struct stat st {};
  if (fd.get() < 0 || ::fstat(fd.get(), &st) != 0 || !S_ISREG(st.st_mode)) return std::nullopt;
  if (st.st_size == 0) return MappedFile(nullptr, 0);
  // Populated at once: the file is read whole, and one call faults its
  // pages in far faster than touching them one by one.
  void* data = ::mmap(nullptr, static_cast<std::size_t>(st.st_size), PROT_READ, MAP_PRIVATE | MAP_POPULATE,
                      fd.get(), 0);
  if (data == MAP_FAILED) return std::nullopt;
  return MappedFile(data, static_cast<std::size_t>(st.st_size));
}

MappedFile& MappedFile::operator=(MappedFile&& other) noexcept {
  if (this != &other) {
    if (data_) ::munmap(data_, size_);
    data_ = std::exchange(other.data_, nullptr);
    size_ = other.size_;
  }
  return *this;
}

MappedFile::~MappedFile() {
  if (data_) ::munmap(data_, size_);
}

// Most files go into a folder that already exists: trying first saves
// create_directories' walk up the path for each of 50,000 files.
std::optional<FileStat> write_file(const std::string& path, std::string_view bytes) {
  FileDescriptor fd(create_file(path));
  if (fd.get() < 0 && errno == ENOENT) {
    std::error_code ec;
    fs::create_directories(fs::path(path).parent_path(), ec);  // a race with another thread is harmless
    fd.reset(create_file(path));
  }
  if (fd.get() < 0 || !write_all(fd.get(), bytes)) return std::nullopt;
  struct stat st {};
  if (::fstat(fd.get(), &st) != 0 || !fd.close()) return std::nullopt;
  return file_stat(st);
}

ReplacingFile::ReplacingFile(std::string path)
    : path_(std::move(path)), file_(OpenFile::create(path_ + ".new")) {}

void ReplacingFile::append(std::string_view bytes) {
  constexpr std::size_t kPiece = 1 << 16;
  pending_ += bytes;
  size_ += bytes.size();
  if (pending_.size() >= kPiece) flush();
}

bool ReplacingFile::read_at(std::uint64_t offset, std::size_t size, std::string* into) {
  if (offset + size > size_ - pending_.size() && !flush()) return false;
  return file_ && file_->read_at(offset, size, into);
}

bool ReplacingFile::flush() {
  if (file_ && !file_->append(pending_)) file_.reset();
  pending_.clear();
  return file_.has_value();
}

bool ReplacingFile::commit() {
  const std::string fresh = path_ + ".new";
  const bool written = flush();
  file_.reset();
  if (written && std::rename(fresh.c_str(), path_.c_str()) == 0) return true;
  std::remove(fresh.c_str());
  return false;
}

std::optional<OpenFile> OpenFile::open(const std::string& path, int flags) {
  const int fd = ::open(path.c_str(), flags | O_CLOEXEC, 0666);
  if (fd < 0) return std::nullopt;
  return OpenFile(fd);
}

std::optional<OpenFile> OpenFile::create(const std::string& path) {
  ::unlink(path.c_str());  // whoever still reads the file it replaces keeps it
  return open(path, O_RDWR | O_CREAT | O_TRUNC);
}

std::optional<OpenFile> OpenFile::to_append(const std::string& path) {
  return open(path, O_RDWR | O_APPEND);
}

std::optional<OpenFile> OpenFile::to_read(const std::string& path) {
  return open(path, O_RDONLY);
}

OpenFile::~OpenFile() {
  if (fd_ >= 0) ::close(fd_);
}

bool OpenFile::append(std::string_view bytes) {
  return write_all(fd_, bytes);
}

std::optional<std::uint64_t> OpenFile::size() const {
  struct stat st {};
  if (::fstat(fd_, &st) != 0) return std::nullopt;
  return static_cast<std::uint64_t>(st.st_size);
}

bool OpenFile::read_at(std::uint64_t offset, std::size_t size, std::string* into) const {
  into->resize(size);
  std::size_t done = 0;
  while (done < size) {
    const ssize_t n = ::pread(fd_, into->data() + done, size - done, static_cast<off_t>(offset + done));
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    done += static_cast<std::size_t>(n);
  }
  return true;
}

std::optional<std::string> RealDisk::read_file(const std::string& path, std::string* error) const {
  std::error_code ec;
  fs::file_status status = fs::status(path, ec);
  if (fs::is_directory(status)) {
    *error = "is a directory";
  } else if (!fs::exists(status)) {
    *error = fs::is_symlink(fs::symlink_status(path, ec)) ? "is a link to nothing" : "does not exist";
  } else if (!fs::is_regular_file(status)) {
    *error = "is not a regular file";
  } else if (std::ifstream in{path, std::ios::binary}) {
    std::ostringstream contents;
    contents << in.rdbuf();
    return contents.str();
  } else {
    *error = "cannot be read";
  }
  return std::nullopt;
}

std::vector<std::string> RealDisk::list(const std::string& dir, std::string_view suffix) const {
  std::vector<std::string> out;
  std::error_code ec;
  fs::recursive_directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec), end;
  // Each entry's path is the folder's, a separator, then the entry's path
  // below it: taken as text, not resolved, so a link loop is listed as it is
  // (and reported when read), and 10,000 paths are not taken apart.
  const std::size_t below = (fs::path(dir) / "").native().size();
  for (; !ec && it != end; it.increment(ec)) {
    const std::string& path = it->path().native();
    const std::string_view name = std::string_view(path).substr(path.rfind('/') + 1);
    if (name.starts_with(".")) {
      std::error_code unresolved;
      if (it->is_directory(unresolved)) it.disable_recursion_pending();
      continue;  // editors' backup and lock files
    }
    if (!name.ends_with(suffix)) continue;
    std::error_code unresolved;  // a link loop: listed, and reported when read
    if (it->is_directory(unresolved)) {
      if (suffix.empty()) continue;  // listing every file: descend, don't list
      it.disable_recursion_pending();
    }
    out.push_back(dir + "/" + path.substr(below));
  }
  std::sort(out.begin(), out.end());
  return out;
}

bool RealDisk::is_directory(const std::string& path) const {
  std::error_code ec;
  return fs::is_directory(path, ec);
}

std::optional<std::string> MemoryDisk::read_file(const std::string& path, std::string* error) const {
  auto it = files.find(path);
  if (it != files.end()) return it->second;
  *error = is_directory(path) ? "is a directory" : "does not exist";
  return std::nullopt;
}

std::vector<std::string> MemoryDisk::list(const std::string& dir, std::string_view suffix) const {
  std::vector<std::string> out;
  for (const auto& [path, contents] : files)
    if (path.starts_with(dir + "/") && path.ends_with(suffix)) out.push_back(path);
  return out;
}

bool MemoryDisk::is_directory(const std::string& path) const {
  auto it = files.lower_bound(path + "/");
  return it != files.end() && it->first.starts_with(path + "/");
}


}  // namespace ck
