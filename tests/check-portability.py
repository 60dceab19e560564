#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Fails when core/ or app/ use what only POSIX systems have.

Timestamps also ships for Windows (MSYS2): a POSIX header or call there
breaks that build long after the change that added it. GLib has a portable
equivalent for each (g_build_filename, g_get_tmp_dir, GSubprocess,
GMappedFile, g_stat...). Code that really is Unix-only goes between
`#ifdef G_OS_UNIX` and its `#endif`, or into ALLOWED below with a reason.

Usage: check-portability.py SOURCE_ROOT
"""
import pathlib
import re
import sys

DIRS = ("core", "app")

# (what, pattern, the GLib way)
RULES = [
    ("POSIX header", re.compile(r'#\s*include\s*<(unistd\.h|sys/[^>]+|fcntl\.h|dirent\.h|pwd\.h|grp\.h|'
                                r'termios\.h|dlfcn\.h|poll\.h|glib-unix\.h|gio/gunix[^>]*)>'),
     "GLib's gstdio.h, GDir, GModule, GIO"),
    ("POSIX call", re.compile(r'\b(fork|vfork|execv|execvp|execl|execlp|waitpid|pipe|dup2|popen|pclose|'
                              r'mmap|munmap|realpath|symlink|readlink|getuid|geteuid|setenv|unsetenv)\s*\('),
     "GSubprocess, GMappedFile, g_canonicalize_filename, g_setenv"),
    ("/tmp literal", re.compile(r'"/tmp\b'), "g_get_tmp_dir () or g_dir_make_tmp ()"),
    ('"/" path join', re.compile(r'"/"|"[^"]*%s/[^"]*"|"[^"]*/%s[^"]*"'), "g_build_filename ()"),
    ('"/" path join', re.compile(r'g_strconcat\s*\([^;]*"[^"]*/"'), "g_build_filename ()"),
]

# "path:line text" is not enough to survive edits; allow by file and rule,
# each with the reason it is fine there.
ALLOWED = {
    # ("core/example.c", "POSIX header"): "why it is fine",
    ("core/licence/ts-license-client.c", '"/" path join'): "the licence server's URLs, not file paths",
    ("core/sync/ts-webdav-client.c", '"/" path join'): "the WebDAV folder's URL, not a file path",
    ("core/sync/ts-webdav-multistatus.c", '"/" path join'): "URL paths from the server, not file paths",
    ("app/ts-cli-io.c", "POSIX header"):
        "<fcntl.h> only under G_OS_WIN32, the MSVCRT's, for _O_BINARY on stdin",
}

GUARD_OPEN = re.compile(r'#\s*(ifdef\s+G_OS_UNIX\b|if\s+defined\s*\(?\s*G_OS_UNIX\b)')
IF_OPEN = re.compile(r'#\s*if')
ENDIF = re.compile(r'#\s*endif')
ELSE = re.compile(r'#\s*(else|elif)')


def strip_comments(text):
    """Blank out comments, keeping line numbers and string literals."""
    out = []
    i = 0
    n = len(text)
    while i < n:
        c = text[i]
        if c == '"':
            j = i + 1
            while j < n and text[j] != '"' and text[j] != '\n':
                j += 2 if text[j] == '\\' else 1
            out.append(text[i:j + 1])
            i = j + 1
        elif c == "'":
            j = i + 1
            while j < n and text[j] != "'" and text[j] != '\n':
                j += 2 if text[j] == '\\' else 1
            out.append(text[i:j + 1])
            i = j + 1
        elif text.startswith('/*', i):
            j = text.find('*/', i + 2)
            j = n if j < 0 else j + 2
            out.append(re.sub(r'[^\n]', ' ', text[i:j]))
            i = j
        elif text.startswith('//', i):
            j = text.find('\n', i)
            j = n if j < 0 else j
            out.append(' ' * (j - i))
            i = j
        else:
            out.append(c)
            i += 1
    return ''.join(out)


def findings(name, text):
    """Yield (line number, rule, advice, line) for each unguarded use."""
    # A stack of booleans: whether each open #if is a G_OS_UNIX guard whose
    # true branch we are in.
    stack = []
    for number, line in enumerate(strip_comments(text).splitlines(), 1):
        stripped = line.strip()
        if GUARD_OPEN.match(stripped):
            stack.append(True)
            continue
        if IF_OPEN.match(stripped):
            stack.append(False)
            continue
        if ELSE.match(stripped) and stack:
            stack[-1] = False  # the #else of a G_OS_UNIX guard is the portable side
            continue
        if ENDIF.match(stripped) and stack:
            stack.pop()
            continue
        if any(stack):
            continue
        for what, pattern, advice in RULES:
            if pattern.search(line) and (name, what) not in ALLOWED:
                yield number, what, advice, stripped


def self_test():
    """The rules must catch what they are for, or a pass means nothing."""
    bad = {
        '#include <unistd.h>': "POSIX header",
        '#include <sys/stat.h>': "POSIX header",
        'pid_t pid = fork ();': "POSIX call",
        'void *p = mmap (NULL, n, 0, 0, fd, 0);': "POSIX call",
        'path = "/tmp/ts.als";': "/tmp literal",
        'path = g_strconcat (dir, "/", name, NULL);': '"/" path join',
        'path = g_strdup_printf ("%s/%s", dir, name);': '"/" path join',
        'path = g_strconcat ("~/", relative, NULL);': '"/" path join',
    }
    good = [
        '#include <glib/gstdio.h>',
        'path = g_build_filename (g_get_tmp_dir (), "ts.als", NULL);',
        '/* never "/tmp": fork () */',
        'g_string_append (xml, "</");',
        'resource = "/me/timestamps/Timestamps/ui/ts-window.ui";',
        '#ifdef G_OS_UNIX\n#include <unistd.h>\n#endif',
        '#if defined (G_OS_UNIX) && 1\nfork ();\n#endif',
    ]
    ok = True
    for line, what in bad.items():
        got = [rule for _, rule, _, _ in findings("self-test.c", line)]
        if what not in got:
            print(f"self-test: {line!r} not flagged as {what}", file=sys.stderr)
            ok = False
    for text in good:
        got = list(findings("self-test.c", text))
        if got:
            print(f"self-test: {text!r} flagged: {got}", file=sys.stderr)
            ok = False
    # The portable side of a guard is checked again.
    if not list(findings("self-test.c", '#ifdef G_OS_UNIX\n#else\nfork ();\n#endif')):
        print("self-test: the #else of a G_OS_UNIX guard was skipped", file=sys.stderr)
        ok = False
    return ok


def main():
    root = pathlib.Path(sys.argv[1])
    if not self_test():
        return 1
    checked = 0
    failed = False
    for directory in DIRS:
        for path in sorted((root / directory).rglob("*.[ch]")):
            name = path.relative_to(root).as_posix()
            checked += 1
            for number, what, advice, line in findings(name, path.read_text(encoding="utf-8")):
                print(f"{name}:{number}: {what}: {line}\n  use {advice}, or guard it with #ifdef G_OS_UNIX")
                failed = True
    if checked == 0:
        print(f"no C sources under {root}/{{{','.join(DIRS)}}}", file=sys.stderr)
        return 1
    print(f"{checked} files checked")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
