"""Identifier helpers for the holdout set, written from rulebook §2 (GB 32100, GB 11714)."""
import re
import unicodedata

ALPHA = '0123456789ABCDEFGHJKLMNPQRTUWXY'
W_USCC = [pow(3, i, 31) for i in range(17)]
RE_USCC = re.compile(r'^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$')


def norm(s):
    s = unicodedata.normalize('NFKC', s)
    return re.sub(r'\s+', '', s)


def uscc_check_char(s17):
    return ALPHA[(31 - sum(ALPHA.index(c) * w for c, w in zip(s17, W_USCC)) % 31) % 31]


def org_check_char(s8):
    t = sum((int(c) if c.isdigit() else ord(c) - 55) * w for c, w in zip(s8, [3, 7, 9, 10, 5, 8, 4, 2]))
    c = 11 - t % 11
    return {10: 'X', 11: '0'}.get(c, str(c))


def uscc_status(s):
    s = norm(s).upper()
    if not RE_USCC.match(s):
        return 'FORMAT'
    if uscc_check_char(s[:17]) != s[17]:
        return 'CHECKSUM'
    if org_check_char(s[8:16]) != s[16]:
        return 'OK(gb11714-warn)'
    return 'OK'


def make_uscc(prefix2, area6, body8):
    """A code that passes both GB 32100 and GB 11714: prefix (91/92/31…), area code, 8-char org body."""
    s16 = prefix2 + area6 + body8
    s17 = s16 + org_check_char(body8)
    return s17 + uscc_check_char(s17)


if __name__ == '__main__':
    valid = ['91330106673959654P', '91110105MA003A481G', '91110000600037341L', '91110108MA01ABCD5T',
             '91310115MA1K00007Q', '92440305MA5F12342X', '12100000400000018N', 'N21101085A00000118',
             'Y1440305MA5F0000XK', '31110000E00000010L', '91110108ma01abcd5t', '91 110108 MA01ABCD 5T']
    invalid = ['91110108MA01ABCD5U', '91110108MA01ABCE5T', '91110108MA01ABCDIT', '9111010MA01ABCD5T',
               'N2110108MA01ABCD5T']
    for v in valid:
        assert uscc_status(v) == 'OK', (v, uscc_status(v))
    for v in invalid:
        assert not uscc_status(v).startswith('OK'), (v, uscc_status(v))
    assert uscc_status('91110108MA01ABCD6X') == 'OK(gb11714-warn)'
    print('rulebook §2.5 vectors OK')
