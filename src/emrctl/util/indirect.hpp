#pragma once

// A heap-held value with value semantics: lets a recursive variant (cfn::Value) hold itself.

#include <memory>
#include <utility>

namespace emrctl::util {

template <class T>
class Indirect {
  public:
    Indirect(T value)
        : m_ptr(std::make_unique<T>(std::move(value))) {}  // NOLINT: implicit on purpose
    Indirect(const Indirect& other) : m_ptr(std::make_unique<T>(*other.m_ptr)) {}
    Indirect(Indirect&&) noexcept = default;
    Indirect& operator=(const Indirect& other) {
        if (this != &other) m_ptr = std::make_unique<T>(*other.m_ptr);
        return *this;
    }
    Indirect& operator=(Indirect&&) noexcept = default;
    ~Indirect() = default;

    const T& operator*() const { return *m_ptr; }
    const T* operator->() const { return m_ptr.get(); }
    friend bool operator==(const Indirect& a, const Indirect& b) { return *a.m_ptr == *b.m_ptr; }

  private:
    std::unique_ptr<T> m_ptr;
};

}  // namespace emrctl::util
