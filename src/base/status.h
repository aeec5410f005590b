// Status and StatusOr<T>: the error values every library boundary returns.
// No exception crosses a module; a failing call says what went wrong, naming the
// file and the line or byte where the input is at fault.
#ifndef NEWSGRAPH_BASE_STATUS_H_
#define NEWSGRAPH_BASE_STATUS_H_

#include <cassert>
#include <optional>
#include <string>
#include <utility>

namespace newsgraph {

enum class StatusCode {
  kOk = 0,
  kInvalidArgument,  // the caller's input is malformed (bad date, bad JSON line ...)
  kNotFound,         // a file, model section or record does not exist
  kCorruption,       // stored data fails its checksum, magic or version check
  kIoError,          // the operating system refused a read or write
  kUnsupported,      // valid input that this build cannot handle (e.g. a language)
  kAlreadyExists,    // e.g. a document whose content hash is already stored
  kInternal,         // a bug: an invariant did not hold
};

// A cheap value: ok, or a code with a human-readable message.
class Status {
 public:
  Status() = default;
  Status(StatusCode code, std::string message) : code_(code), message_(std::move(message)) {}

  static Status Ok() { return Status(); }
  static Status InvalidArgument(std::string m) { return {StatusCode::kInvalidArgument, std::move(m)}; }
  static Status NotFound(std::string m) { return {StatusCode::kNotFound, std::move(m)}; }
  static Status Corruption(std::string m) { return {StatusCode::kCorruption, std::move(m)}; }
  static Status IoError(std::string m) { return {StatusCode::kIoError, std::move(m)}; }
  static Status Unsupported(std::string m) { return {StatusCode::kUnsupported, std::move(m)}; }
  static Status AlreadyExists(std::string m) { return {StatusCode::kAlreadyExists, std::move(m)}; }
  static Status Internal(std::string m) { return {StatusCode::kInternal, std::move(m)}; }

  bool ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  const std::string& message() const { return message_; }
  // "corruption: model.bin: bad checksum in section 'weights'".
  std::string ToString() const;
  // Returns a copy whose message is prefixed with `context: `.
  Status WithContext(const std::string& context) const;

 private:
  StatusCode code_ = StatusCode::kOk;
  std::string message_;
};

const char* StatusCodeName(StatusCode code);

// Either a value or a non-ok Status. Accessing value() of an error is a bug (asserts).
template <typename T>
class StatusOr {
 public:
  StatusOr(T value) : value_(std::move(value)) {}  // NOLINT: implicit by design
  StatusOr(Status status) : status_(std::move(status)) {  // NOLINT: implicit by design
    assert(!status_.ok() && "StatusOr built from an ok Status");
    if (status_.ok()) status_ = Status::Internal("StatusOr built from an ok Status");
  }

  bool ok() const { return status_.ok(); }
  const Status& status() const { return status_; }
  T& value() & { assert(ok()); return *value_; }
  const T& value() const& { assert(ok()); return *value_; }
  T&& value() && { assert(ok()); return std::move(*value_); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }

 private:
  Status status_;
  std::optional<T> value_;
};

}  // namespace newsgraph

#define NG_STATUS_CONCAT_INNER_(a, b) a##b
#define NG_STATUS_CONCAT_(a, b) NG_STATUS_CONCAT_INNER_(a, b)

// Returns the Status of `expr` from the enclosing function if it is not ok.
#define NG_RETURN_IF_ERROR(expr)                       \
  do {                                                 \
    ::newsgraph::Status ng_status_ = (expr);           \
    if (!ng_status_.ok()) return ng_status_;           \
  } while (0)

// `lhs = value of expr`, or returns its Status. lhs may declare a variable.
#define NG_ASSIGN_OR_RETURN(lhs, expr) \
  NG_ASSIGN_OR_RETURN_IMPL_(NG_STATUS_CONCAT_(ng_statusor_, __LINE__), lhs, expr)
#define NG_ASSIGN_OR_RETURN_IMPL_(tmp, lhs, expr) \
  auto tmp = (expr);                              \
  if (!tmp.ok()) return tmp.status();             \
  lhs = std::move(tmp).value()

#endif  // NEWSGRAPH_BASE_STATUS_H_
