"""Logins in ``user@host`` targets of shells and logs: ``scp f noam@62.80.66.222:~/``.

A remote login names the person who owns the account as surely as a full name does, and
terminal sessions are full of them (ssh, scp, rsync, git remotes, prompts such as
``noam@build-01:~$``). The e-mail recognizer does not take them: the host is an IP address or
a machine name with no public suffix. The user part is masked unless it is an account no
person owns (``root``, ``git``, ``ubuntu``, ``postgres``, ...); the host is left to the other
detectors (an IP address is masked by its own).
"""

from __future__ import annotations

import re

from redactkit.detect.tld import OFFLINE_TLD
from redactkit.findings import Finding

_TARGET = re.compile(
    r"(?<![\w.@%+-])(?P<u>[A-Za-z_][\w.-]{0,31}+)@"
    r"(?P<h>(?:\d{1,3}\.){3}\d{1,3}|\[[0-9A-Fa-f:]{2,39}\]|[A-Za-z0-9][\w-]{0,62}+(?:\.[\w-]{1,63}+){0,8}+)"
    r"(?=[:\s/'\"]|$)"
)
#: System and service accounts: no person's name.
SERVICE_USERS = frozenset(
    "root git ubuntu debian centos fedora admin administrator ec2-user azureuser opc core "
    "deploy deployer postgres mysql redis oracle www-data nginx apache jenkins gitlab-runner "
    "runner docker pi user guest test vagrant ansible backup ftp sftp nobody daemon bin sys "
    "build ci app service svc operator hadoop spark elastic kafka".split()
)
SCORE = 0.6
_IPV4 = re.compile(r"(?:\d{1,3}\.){3}\d{1,3}")
#: What follows a login target: a remote path (scp, rsync) or a prompt (``user@host:~$``).
_PATH_AFTER = re.compile(r":[~/$]|:\S{0,80}[$#%>](?:\s|$)")
#: Commands that take a login target on their line.
_COMMAND = re.compile(r"\b(?:ssh|scp|rsync|sftp|mosh|telnet|ftp|ssh-copy-id|sshfs)\b")


def _line_before(text: str, pos: int) -> str:
    return text[max(text.rfind("\n", 0, pos) + 1, pos - 200) : pos]


def find_logins(text: str) -> list[Finding]:
    """USERNAME findings for the user part of ``user@host`` targets."""
    if "@" not in text:
        return []
    out = []
    for m in _TARGET.finditer(text):
        user, host = m.group("u"), m.group("h")
        if user.lower() in SERVICE_USERS or user.startswith(("-", ".")):
            continue
        if _IPV4.fullmatch(host) or host.startswith("["):
            pass  # a machine by its address
        elif not (
            _PATH_AFTER.match(text, m.end()) or _COMMAND.search(_line_before(text, m.start()))
        ):
            continue  # `lodash@4.17.21`, `react@latest`: a package and its version
        elif "." in host and not host[0].isdigit() and bool(OFFLINE_TLD(host).suffix):
            continue  # an e-mail address: the e-mail recognizer's
        out.append(Finding("USERNAME", m.start("u"), m.end("u"), SCORE, "login-target"))
    return out
