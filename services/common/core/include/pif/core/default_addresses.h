// Where each pif service listens by default (a local stack on one machine), the one place the
// port numbers are written: the services' own defaults, the addresses they call each other at,
// and pifctl's. Operators override them with --listen / --<service>_address (or PIF_* variables).
#pragma once

namespace pif {

inline constexpr char kDefaultIntakeAddress[] = "127.0.0.1:50051";
inline constexpr char kDefaultIndicatorsAddress[] = "127.0.0.1:50052";
inline constexpr char kDefaultWorkforceAddress[] = "127.0.0.1:50053";
inline constexpr char kDefaultReportingAddress[] = "127.0.0.1:50054";

}  // namespace pif
