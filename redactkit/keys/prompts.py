"""Where typing is a secret without any flag saying so: password prompts and login windows.

Terminals never report a secure field: ``sudo`` asks for a password and the next line typed is
it. These rules are data (regular expressions), so a deployment can extend them; they err on the
side of masking: a command that *may* prompt (``ssh`` with keys set up, ``sudo`` with a cached
ticket) still makes its next line secure, because a masked command costs little and a leaked
password costs everything.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

TERMINAL_APPS = (
    r"(gnome-|xfce4-|mate-|lx|q|deepin-|cool-retro-)?term(inal)?(-server)?",
    r"terminology",
    r"sakura",
    r"termite",
    r"st",
    r"iterm",
    r"konsole",
    r"xterm",
    r"urxvt",
    r"rxvt",
    r"alacritty",
    r"kitty",
    r"wezterm",
    r"tilix",
    r"terminator",
    r"guake",
    r"yakuake",
    r"tmux",
    r"screen",
    r"hyper",
    r"warp",
    r"ghostty",
    r"foot",
    r"st-256color",
    r"putty",
    r"mobaxterm",
    r"cmd(\.exe)?",
    r"powershell",
    r"pwsh",
    r"conhost",
    r"windowsterminal",
    r"wt(\.exe)?",
    r"bash",
    r"zsh",
    r"fish",
    r"sh",
    r"ssh",
    r"mintty",
    r"termius",
    r"tabby",
    r"console",
)

#: (command regex, number of secret lines that follow). Searched in the command line, so
#: ``sudo -k && ssh host`` and ``time mysql -p`` match. A password given inline is handled by
#: INLINE_SECRETS instead (the command line itself is masked there).
PROMPT_COMMANDS: tuple[tuple[str, int], ...] = (
    (r"\bpasswd\b", 3),
    (r"\b(chpasswd|smbpasswd|vncpasswd|kpasswd)\b", 3),
    (r"\bssh-keygen\b", 2),
    (r"\bhtpasswd\b(?!.*\s-[a-zA-Z]*b)", 2),
    (r"\bopenssl\b.*\s-(aes\w*|des\w*|camellia\w*)\b", 2),
    (r"\b(zip|7z|7za)\b.*\s-(e|p)\b", 2),
    (r"\b(docker|podman|buildah|helm|oras)\s+(\S+\s+)*login\b", 2),
    (r"\b(npm|yarn|pnpm)\s+(adduser|login)\b", 3),
    (r"\bgit\s+(push|pull|fetch|clone)\b", 2),
    (r"\b(sudo|su|doas|pkexec|runas|sudoedit)\b", 1),
    (r"\b(ssh|scp|sftp|ssh-copy-id|rsync|mosh|sshfs|telnet|ftp|lftp|rdesktop|xfreerdp)\b", 1),
    (r"\b(mysql|mariadb|mysqldump|mysqladmin)\b.*\s(-p|--password)(\s|$)", 1),
    (r"\b(psql|pg_dump|pg_dumpall|pg_restore|createdb|dropdb|createuser)\b", 1),
    (r"\b(mongo|mongosh|redis-cli|sqlcmd|sqlplus|cqlsh|isql)\b", 1),
    (r"\b(gpg|gpg2|pass|age|ansible-vault|ansible-playbook|kinit|vault|op|bw|keepassxc-cli)\b", 1),
    (r"\b(ssh-add|keytool|certutil|pk12util|cryptsetup|veracrypt|ecryptfs-\w+|mount\.cifs)\b", 1),
    (r"\bopenssl\b.*\s-pass(in|out)\s+(stdin|fd:)", 1),
    (r"\bopenssl\b.*\s(genrsa|genpkey|pkcs12|req|rsa|ec|enc)\b", 1),
    (r"\b(read\s+-[a-zA-Z]*s|expect|sshpass\s+-e)\b", 1),
    (r"\b(mount|net\s+use|smbclient|mysql_secure_installation|rclone\s+config)\b", 1),
    (r"\b(az|gcloud|aws|heroku|firebase|gh|glab|terraform|doctl|wrangler)\s+(\S+\s+)*login\b", 1),
)

#: Passwords given on the command line: the capture group is masked.
INLINE_SECRETS: tuple[str, ...] = (
    r"\b(?:mysql|mariadb|mysqldump|mysqladmin)\b.*?\s-p(?P<s>[^\s-]\S*)",
    r"--?(?:password|passwd|pass|pwd|token|secret|api[-_]?key|access[-_]?key|auth)(?:=|\s+)(?P<s>[^\s-]\S*)",
    r"\s-pass(?:in|out)?\s+(?:pass|env|file):(?P<s>\S+)",
    r"\bsshpass\s+-p\s*(?P<s>\S+)",
    r"\b(?:curl|wget|http)\b.*?\s(?:-u|--user|--http-user)(?:=|\s+)[^:\s]*:(?P<s>\S+)",
    r"\b(?:docker|podman|helm)\s+login\b.*?\s-p\s*(?P<s>\S+)",
    r"\bhtpasswd\b.*\s-[a-zA-Z]*b[a-zA-Z]*\s+\S+\s+\S+\s+(?P<s>\S+)",
    r"\b\w*(?:PASSWORD|PASSWD|PASS|SECRET|TOKEN|API_?KEY|ACCESS_?KEY|PRIVATE_?KEY|CREDENTIALS?)\w*=(?P<s>\S+)",
    r"[a-z][a-z0-9+.-]*://[^/\s:@]+:(?P<s>[^@\s/]+)@",
    r"\becho\s+(?P<s>\S+)\s*\|\s*(?:sudo\s+-S|passwd\s+--stdin|docker\s+login)",
)

#: Windows where everything typed is secret: password managers, OS authentication dialogs.
SECURE_APPS = (
    r"1password",
    r"bitwarden",
    r"keepass(xc)?",
    r"lastpass",
    r"dashlane",
    r"keeper",
    r"enpass",
    r"nordpass",
    r"roboform",
    r"proton ?pass",
    r"keychain access",
    r"passwords",
    r"seahorse",
    r"pinentry(-\w+)?",
    r"gcr-prompter",
    r"polkit.*",
    r"securityagent",
    r"loginwindow",
    r"coreautha",
    r"logonui",
    r"consent(\.exe)?",
    r"credential ?(manager|ui.*)",
    r"kwalletd?\d*",
    r"ksshaskpass",
    r"ssh-askpass",
    r"lxqt-policykit-agent",
)

#: Titles that show a password prompt or a login screen.
SECURE_TITLES = (
    r"\bpass(word|phrase|code)\b",
    r"\bpin\b",
    r"\[sudo\]",
    r"\bsudo\b.*password",
    r"authenticat(e|ion) required",
    r"\bunlock\b",
    r"\b(log|sign) ?in\b",
    r"\bsecret\b",
    r"\bverification code\b",
    r"\b(2fa|mfa|otp|one-time)\b",
    r"\bcredentials?\b",
)


_SEGMENTS = re.compile(r"\|\||&&|[;|&\n]|\$\(|`")
_WRAPPERS = re.compile(
    r"^(?:(?:\w+=\S*|time|nohup|env|exec|command|builtin|nice|ionice|xargs|watch|caffeinate|"
    r"noglob|stdbuf|timeout\s+\S+|-\S+)\s+)*"
)
_SUDO = re.compile(
    r"^(?:\S*/)?(?:sudo|doas|pkexec)\s+(?:(?:-[ugpChUDRT]\s*\S+|--\w[\w-]*(?:=\S+)?|-\w+)\s+)*"
)


def _any(patterns: Iterable[str]) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)


@dataclass(frozen=True)
class PromptRules:
    """The rules, compiled. Extend with ``PromptRules(secure_apps=(*SECURE_APPS, "MyVault"))``;
    ``terminal_apps`` decides where commands are watched (an unknown app counts as a terminal:
    when the app is not reported, a prompt cannot be ruled out)."""

    terminal_apps: tuple[str, ...] = TERMINAL_APPS
    prompt_commands: tuple[tuple[str, int], ...] = PROMPT_COMMANDS
    inline_secrets: tuple[str, ...] = INLINE_SECRETS
    secure_apps: tuple[str, ...] = SECURE_APPS
    secure_titles: tuple[str, ...] = SECURE_TITLES
    _compiled: dict = field(default_factory=dict, compare=False, repr=False)

    def _re(self, name: str) -> re.Pattern[str]:
        rx = self._compiled.get(name)
        if rx is None:
            if name == "terminal_apps" or name == "secure_apps":
                rx = re.compile(
                    r"^(?:.*[/\\])?(?:"
                    + "|".join(getattr(self, name))
                    + r")(?:[\s_-]?\d[\w.]*)?(?:\.app|\.exe)?$",
                    re.IGNORECASE,
                )
            else:
                rx = _any(getattr(self, name))
            self._compiled[name] = rx
        return rx

    def is_terminal(self, app: str | None) -> bool:
        return app is None or self._re("terminal_apps").match(app.strip()) is not None

    def is_secure_window(self, app: str | None, title: str | None) -> bool:
        if app is not None and self._re("secure_apps").match(app.strip()):
            return True
        return title is not None and self._re("secure_titles").search(title) is not None

    def secret_lines_after(self, command: str) -> int:
        """How many lines typed after ``command`` (run in a terminal) are secrets.

        Only commands in command position count (``git commit -m "pass"`` is not ``pass``):
        each pipeline segment, after environment assignments and wrappers like ``time``; a
        ``sudo`` in front adds its own prompt to the wrapped command's.
        """
        rxs = self._compiled.get("prompts")
        if rxs is None:
            rxs = self._compiled["prompts"] = [
                (re.compile(r"(?:\S*/)?(?:" + p + ")"), n) for p, n in self.prompt_commands
            ]
        total = 0
        for segment in _SEGMENTS.split(command):
            seg = _WRAPPERS.sub("", segment.strip())
            lines = 0
            if _SUDO.match(seg):
                lines, seg = 1, _WRAPPERS.sub("", _SUDO.sub("", seg, count=1))
            best = max((n for rx, n in rxs if rx.match(seg)), default=0)
            total += lines + best
        return total

    def inline_spans(self, command: str) -> list[tuple[int, int]]:
        """Character spans of passwords written into a command line."""
        rxs = self._compiled.get("inline")
        if rxs is None:
            rxs = self._compiled["inline"] = [re.compile(p) for p in self.inline_secrets]
        spans = []
        for rx in rxs:
            for m in rx.finditer(command):
                if m.end("s") > m.start("s"):
                    spans.append(m.span("s"))
        return spans


DEFAULT_RULES = PromptRules()
