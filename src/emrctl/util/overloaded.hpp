#pragma once

// The visitor idiom for std::visit: Overloaded{[](int) {...}, [](const auto&) {...}}.

namespace emrctl::util {

template <class... F>
struct Overloaded : F... {
    using F::operator()...;
};
// Clang before 17 has no class template argument deduction for aggregates.
template <class... F>
Overloaded(F...) -> Overloaded<F...>;

}  // namespace emrctl::util
