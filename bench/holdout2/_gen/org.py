"""The facts of one fictional operator, shared by its pages."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Org:
    brand: str                      # 风云卡盟
    entity: str                     # 杭州风云网络科技有限公司 ('' = brand only)
    code: str = ''                  # credit code ('' = none)
    addr: str = ''                  # business address
    phone: str = ''                 # customer-service phone as displayed
    phone2: str = ''                # a second line (optional)
    email: str = ''                 # customer-service mailbox
    pemail: str = ''                # personal-information mailbox
    domain: str = ''                # www.example.com (shown in texts only)
    icp: str = ''                   # 浙ICP备2021026384号-1
    b2: str = ''                    # 浙B2-20220153
    psb: str = ''                   # 浙公网安备33010602012547号
    www: str = ''                   # 京网文〔2024〕1056-038号
    legal_rep: str = ''             # 法定代表人 / 经营者
    capital: str = ''               # 注册资本
    founded: str = ''               # 成立日期
    etype: str = '有限责任公司（自然人投资或控股）'
    scope: str = ''                 # 经营范围
    authority: str = ''             # 登记机关
    city: str = ''                  # 杭州 (used for the court clause)
    kind: str = 'shop'              # card / shop / market / video / game / novel / live / forum / ai / comic / music / corp / gov / blog
    year: int = 2026
    extra: dict = field(default_factory=dict)

    @property
    def psb_digits(self) -> str:
        return ''.join(c for c in self.psb if c.isdigit())

    @property
    def who(self) -> str:
        """The name the documents use for the handler."""
        return self.entity or self.brand
