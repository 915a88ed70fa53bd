"""Identifiers for the holdout2 fixtures, written from rulebook §2 (GB 32100 / GB 11714, PSB, phones).

Run this file to check the algorithms against the rulebook's test vectors.
"""
from __future__ import annotations

import re
import unicodedata

ALPHA = '0123456789ABCDEFGHJKLMNPQRTUWXY'
W_USCC = [pow(3, i, 31) for i in range(17)]
W_ORG = [3, 7, 9, 10, 5, 8, 4, 2]
RE_USCC = re.compile(r'^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$')
PROV_CODE = {'京': '11', '津': '12', '冀': '13', '晋': '14', '蒙': '15', '辽': '21', '吉': '22', '黑': '23',
             '沪': '31', '苏': '32', '浙': '33', '皖': '34', '闽': '35', '赣': '36', '鲁': '37', '豫': '41',
             '鄂': '42', '湘': '43', '粤': '44', '桂': '45', '琼': '46', '渝': '50', '川': '51', '蜀': '51',
             '贵': '52', '黔': '52', '云': '53', '滇': '53', '藏': '54', '陕': '61', '甘': '62', '陇': '62',
             '青': '63', '宁': '64', '新': '65'}


def uscc_check_char(s17: str) -> str:
    return ALPHA[(31 - sum(ALPHA.index(c) * w for c, w in zip(s17, W_USCC)) % 31) % 31]


def org_check_char(s8: str) -> str:
    t = sum((int(c) if c.isdigit() else ord(c) - 55) * w for c, w in zip(s8, W_ORG))
    c = 11 - t % 11
    return {10: 'X', 11: '0'}.get(c, str(c))


def uscc_status(s: str) -> str:
    s = re.sub(r'\s+', '', unicodedata.normalize('NFKC', s)).upper()
    if not RE_USCC.match(s):
        return 'FORMAT'
    if uscc_check_char(s[:17]) != s[17]:
        return 'CHECKSUM'
    if org_check_char(s[8:16]) != s[16]:
        return 'OK(gb11714-warn)'
    return 'OK'


def make_uscc(prefix2: str, area6: str, body8: str) -> str:
    """prefix2 (e.g. '91'), area6 (GB/T 2260), body8 (the organisation-code body) -> a valid code."""
    org9 = body8 + org_check_char(body8)
    s17 = prefix2 + area6 + org9
    code = s17 + uscc_check_char(s17)
    assert uscc_status(code) == 'OK', code
    return code


def make_psb(prov: str, digits14: str) -> str:
    assert len(digits14) == 14 and digits14.isdigit(), digits14
    assert PROV_CODE[prov] == digits14[:2], (prov, digits14)
    return f'{prov}公网安备{digits14}号'


def phone_ok(display: str) -> bool:
    """Valid by libphonenumber's Chinese numbering plan (extensions stripped)."""
    import phonenumbers
    s = unicodedata.normalize('NFKC', display)
    s = re.split(r'转|ext|分机', s)[0]
    try:
        n = phonenumbers.parse(s, 'CN')
    except phonenumbers.NumberParseException:
        return False
    return phonenumbers.is_valid_number(n)


def _selftest() -> None:
    valid = ['91330106673959654P', '91110105MA003A481G', '91110000600037341L', '91110108MA01ABCD5T',
             '91310115MA1K00007Q', '92440305MA5F12342X', '12100000400000018N', 'N21101085A00000118',
             'Y1440305MA5F0000XK', '31110000E00000010L', '91110108ma01abcd5t', '91 110108 MA01ABCD 5T']
    for v in valid:
        assert uscc_status(v) == 'OK', (v, uscc_status(v))
    assert uscc_status('91110108MA01ABCD5U') == 'CHECKSUM'
    assert uscc_status('91110108MA01ABCE5T') == 'CHECKSUM'
    assert uscc_status('91110108MA01ABCDIT') == 'FORMAT'
    assert uscc_status('9111010MA01ABCD5T') == 'FORMAT'
    assert uscc_status('N2110108MA01ABCD5T') == 'CHECKSUM'
    assert uscc_status('91110108MA01ABCD6X') == 'OK(gb11714-warn)'
    for p in ['13800138000', '+86 138 0013 8000', '010-62345678', '0755-86013388', '0571-87654321',
              '(021)23456789', '400-810-8888', '800-820-8820']:
        assert phone_ok(p), p
    for p in ['12800138000', '1380013800', '010-0234567', '021-1234567', '400-81-8888']:
        assert not phone_ok(p), p
    print('ids: all rulebook vectors agree')


if __name__ == '__main__':
    _selftest()
