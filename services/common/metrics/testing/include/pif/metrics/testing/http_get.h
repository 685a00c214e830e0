// A plain HTTP/1.0 GET over loopback, for tests that scrape a /metrics endpoint.
#pragma once

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <chrono>
#include <string>
#include <thread>

#include "absl/status/statusor.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"

namespace pif::testing {

// The body of GET `path` from 127.0.0.1:`port`; UNAVAILABLE when nothing answers, INTERNAL for an
// answer other than 200 (its status line in the message). Gives up after 10 seconds of silence.
inline absl::StatusOr<std::string> HttpGet(int port, const std::string& path) {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) return absl::UnavailableError("no socket");
  timeval timeout{10, 0};
  setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<uint16_t>(port));
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (connect(fd, reinterpret_cast<const sockaddr*>(&address), sizeof address) != 0) {
    close(fd);
    return absl::UnavailableError(absl::StrCat("nothing answers on port ", port));
  }
  const std::string request =
      absl::StrCat("GET ", path, " HTTP/1.0\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
  if (send(fd, request.data(), request.size(), MSG_NOSIGNAL) !=
      static_cast<ssize_t>(request.size())) {
    close(fd);
    return absl::UnavailableError("the request could not be sent");
  }
  std::string response;
  char buffer[16384];
  for (ssize_t got; (got = recv(fd, buffer, sizeof buffer, 0)) > 0;) response.append(buffer, got);
  close(fd);
  const size_t header_end = response.find("\r\n\r\n");
  const std::string status_line = response.substr(0, response.find("\r\n"));
  int code = 0;
  if (header_end == std::string::npos || status_line.size() < 12 ||
      !absl::SimpleAtoi(status_line.substr(9, 3), &code)) {
    return absl::UnavailableError(absl::StrCat("not an HTTP answer: ", status_line));
  }
  if (code != 200) return absl::InternalError(status_line);
  return response.substr(header_end + 4);
}

// Scrapes /metrics on `port` until the text holds `fragment` (a call is counted only once the
// server has torn it down), for about two seconds; returns the last text, with or without it.
// An error when the endpoint does not answer.
inline absl::StatusOr<std::string> ScrapeUntilItHolds(int port, const std::string& fragment) {
  absl::StatusOr<std::string> body;
  for (int attempt = 0; attempt < 100; ++attempt) {
    body = HttpGet(port, "/metrics");
    if (!body.ok() || body->find(fragment) != std::string::npos) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return body;
}

}  // namespace pif::testing
