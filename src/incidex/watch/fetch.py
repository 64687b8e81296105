"""Fetching feeds and posting notifications over HTTP, carefully.

A watcher fetches URLs that someone typed, on a machine that may sit inside a private
network, so every request (and every redirect) is checked before it is sent: http or https
only, and the host must resolve to public addresses unless ``allow_private`` (loopback,
RFC 1918, link-local, unique-local, reserved and multicast addresses are refused: no
probing of the cloud metadata service or the intranet through a feed URL). Responses are
read under a timeout and a size limit, and requests carry a user agent that names incidex.

The address check resolves the name before urllib does, so a DNS server that answers
differently the second time could still point a request inside; a deployment that needs
more runs the watcher behind an egress proxy.
"""

from __future__ import annotations

import ipaddress
import json
import socket
import urllib.error
import urllib.request
from dataclasses import dataclass
from typing import IO, Any
from urllib.parse import urlsplit

from incidex import __version__
from incidex.errors import InputError, InputTooLargeError

USER_AGENT = f"incidex/{__version__} (feed watcher; +https://github.com/incidex/incidex)"

#: Seconds to wait for a server to connect and then for each read.
DEFAULT_TIMEOUT = 20.0

#: Largest feed read, in bytes: big news feeds are a few hundred kilobytes.
DEFAULT_MAX_BYTES = 5_000_000

#: Redirects followed before giving up.
MAX_REDIRECTS = 5


@dataclass(frozen=True)
class FetchPolicy:
    timeout: float = DEFAULT_TIMEOUT
    max_bytes: int = DEFAULT_MAX_BYTES
    allow_private: bool = False
    user_agent: str = USER_AGENT


def is_url(source: str) -> bool:
    return urlsplit(source).scheme.lower() in ("http", "https")


def check_url(url: str, policy: FetchPolicy) -> None:
    """Refuse a URL this watcher must not request (see the module docstring)."""
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https"):
        raise InputError(f"only http and https URLs can be fetched, not {parts.scheme or 'none'!r}",
                         source=url)
    host = parts.hostname
    if not host:
        raise InputError("URL has no host", source=url)
    if policy.allow_private:
        return
    port = parts.port or (443 if parts.scheme.lower() == "https" else 80)
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as exc:
        raise InputError(f"cannot resolve {host}: {exc.strerror}", source=url) from None
    for info in infos:
        address = ipaddress.ip_address(str(info[4][0]).split("%")[0])
        if not address.is_global or address.is_multicast:
            raise InputError(
                f"refusing to connect to {host} ({address}): not a public address "
                "(--allow-private allows it)",
                source=url,
            )


class _CheckedRedirects(urllib.request.HTTPRedirectHandler):
    max_redirections = MAX_REDIRECTS

    def __init__(self, policy: FetchPolicy) -> None:
        super().__init__()
        self.policy = policy

    def redirect_request(
        self, req: urllib.request.Request, fp: IO[bytes], code: int, msg: str, headers: Any, newurl: str
    ) -> urllib.request.Request | None:
        check_url(newurl, self.policy)
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def _opener(policy: FetchPolicy) -> urllib.request.OpenerDirector:
    # No ProxyHandler from the environment and no file:/ftp: handlers: only what check_url allows.
    return urllib.request.build_opener(
        urllib.request.ProxyHandler({}), _CheckedRedirects(policy)
    )


def _request(request: urllib.request.Request, policy: FetchPolicy) -> bytes:
    url = request.full_url
    check_url(url, policy)
    request.add_header("User-Agent", policy.user_agent)
    try:
        with _opener(policy).open(request, timeout=policy.timeout) as response:
            length = response.headers.get("Content-Length")
            if length and length.isdigit() and int(length) > policy.max_bytes:
                raise InputTooLargeError(f"{int(length):,} bytes, over the limit of {policy.max_bytes:,}",
                                         source=url)
            data: bytes = response.read(policy.max_bytes + 1)
    except urllib.error.HTTPError as exc:
        raise InputError(f"HTTP {exc.code} {exc.reason}", source=url) from None
    except urllib.error.URLError as exc:
        reason = exc.reason
        if isinstance(reason, InputError):
            raise reason from None
        raise InputError(f"cannot fetch: {reason}", source=url) from None
    except (TimeoutError, OSError) as exc:
        raise InputError(f"cannot fetch: {exc}", source=url) from None
    if len(data) > policy.max_bytes:
        raise InputTooLargeError(f"over the limit of {policy.max_bytes:,} bytes", source=url)
    return data


def fetch(url: str, policy: FetchPolicy) -> bytes:
    """The body at ``url`` (GET), or an InputError saying why not."""
    return _request(urllib.request.Request(url, headers={"Accept": "application/rss+xml, "
                    "application/atom+xml, application/xml;q=0.9, */*;q=0.5"}), policy)


def post_json(url: str, payload: object, policy: FetchPolicy) -> None:
    """POST ``payload`` as JSON to ``url`` (a webhook), under the same checks as :func:`fetch`."""
    body = json.dumps(payload, ensure_ascii=False).encode("utf-8")
    request = urllib.request.Request(url, data=body, method="POST",
                                     headers={"Content-Type": "application/json"})
    _request(request, policy)


__all__ = ["DEFAULT_MAX_BYTES", "DEFAULT_TIMEOUT", "USER_AGENT", "FetchPolicy", "check_url", "fetch",
           "is_url", "post_json"]
