"""Privacy policies for the holdout set, in styles the field set does not use.

A policy is described by facts (`f`, a dict) and rendered in one of several styles:
  articles   numbered legal articles (第一章 … 第N条)
  faq        question and answer
  table      an inventory table of functions × data × purpose × retention, then prose
  accordion  <details> sections, collapsed until the reader opens them
  bilingual  Chinese text under Chinese–English headings
  notes      a small shop's numbered notes (1. 2. 3.)
Flags in `f` remove or spoil single items (retention, rights method, cancellation, withdrawal,
handler) so that a site can model an incomplete or defective policy.
"""
from __future__ import annotations

from common import doc_page

CN_NUM = "一二三四五六七八九十"


def cn(n: int) -> str:
    if n <= 10:
        return CN_NUM[n - 1]
    if n < 20:
        return "十" + CN_NUM[n - 11]
    return CN_NUM[n // 10 - 1] + "十" + (CN_NUM[n % 10 - 1] if n % 10 else "")


def sections(f: dict) -> list[tuple[str, list[str]]]:
    """The policy's content: (heading, paragraphs). Paragraph strings may hold inline HTML."""
    brand, acct = f["brand"], f.get("acct", "账号")
    v = f.get("variant", 0) % 3
    out: list[tuple[str, list[str]]] = []

    # 1. who we are
    handler = f.get("handler")
    if f.get("handler_mode") == "brand_only":
        who = [f"{brand}（以下简称“本站”或“我们”）深知个人信息对您的重要性。本政策说明本站在您使用{brand}服务时如何处理您的个人信息。"]
    elif f.get("handler_mode") == "blank":
        who = [f"本政策由＿＿＿＿＿＿（以下简称“我们”）制定，适用于{brand}提供的全部服务。我们的注册地址为：＿＿＿＿＿＿＿＿。"]
    else:
        who = [[f"{brand}由{handler}（以下简称“我们”）负责运营。我们是您个人信息的处理者，注册地址为{f['address']}。",
                f"本政策适用于{handler}（以下简称“我们”）通过{brand}网站向您提供的各项服务。我们的办公地址：{f['address']}。",
                f"{handler}（“我们”）作为{brand}的经营者，依照《中华人民共和国个人信息保护法》处理您的个人信息。联系地址：{f['address']}。"][v]]
    out.append(("我们是谁", who))

    # 2. what we collect and why
    if f.get("categories", True):
        paras = []
        for scene, items, purpose in f["features"]:
            paras.append([f"{scene}：我们会收集您的{items}，用于{purpose}。",
                          f"在{scene}环节，需要您向我们提供{items}，目的是{purpose}。",
                          f"【{scene}】收集{items}；用途：{purpose}。"][v])
        paras.append("上述信息中，身份证件号码、银行账户、精准定位等属于敏感个人信息，我们仅在取得您的单独同意后处理。"
                     if f.get("sensitive", True) else "我们不会收集与上述目的无关的个人信息。")
        out.append(("我们收集哪些个人信息以及用途", paras))
    else:
        out.append(("我们如何使用信息", [f"我们会根据业务需要合理使用您提供的资料，为您提供更好的{brand}服务体验。"]))

    out.append(("Cookie及同类技术", ["我们使用Cookie记住您的登录状态和购物车内容。您可以在浏览器设置中清除或拒绝Cookie；拒绝后，部分需要登录的功能可能无法使用。"]))

    # 3. sharing
    shares = f.get("shares") or [("支付机构（支付宝、微信支付）", "订单编号、支付金额", "完成付款"),
                                 ("物流服务商", "收货人姓名、联系电话、收货地址", "配送商品")]
    rows = "；".join(f"{p}：{i}，用于{u}" for p, i, u in shares)
    out.append(("我们如何共享、委托处理和公开披露", [
        f"我们不会出售您的个人信息。为实现本政策所述目的，我们会向下列第三方提供必要的信息（第三方共享清单）：{rows}。",
        "除法律法规另有规定外，我们不会公开披露您的个人信息；向其他个人信息处理者提供时，我们会告知接收方的名称、联系方式、处理目的和信息种类，并取得您的单独同意。"]))

    # 4. retention
    ret = f.get("retention", "span")
    if ret == "span":
        text = [f"您的{acct}资料在{acct}存续期间保存；订单及交易记录自交易完成之日起保存三年，以满足《电子商务法》第三十一条的要求；客服咨询记录保存一年。超出上述期限后，我们将删除您的个人信息或进行匿名化处理。",
                f"保存期限：{acct}信息保存至您注销{acct}时止；交易信息保存三年；浏览日志保存六个月。期满后我们会删除或匿名化处理。",
                f"我们按照下列期限保存您的信息：注册资料——{acct}注销后15个工作日内删除；订单信息——交易完成后保存3年；安全日志——保存180天。"][v]
        out.append(("我们如何保存您的个人信息", [text, "您的个人信息存储于中华人民共和国境内的服务器，我们不会向境外提供。"]))
    elif ret == "bare":
        out.append(("我们如何保存您的个人信息", ["我们只会在实现本政策所述目的所必需的最短时间内保存您的个人信息，法律法规另有规定的除外。",
                                         "您的个人信息存储于中华人民共和国境内。"]))
    elif ret == "none":
        out.append(("我们如何保存您的个人信息", ["您的个人信息存储于中华人民共和国境内的服务器，我们会采取加密等措施保护其安全。"]))
    else:
        out.append(("我们如何保存您的个人信息", [ret]))

    out.append(("我们如何保护您的个人信息", ["我们采用HTTPS加密传输、数据库加密存储和最小授权访问控制等措施保护您的信息；如发生个人信息安全事件，我们将按法律要求告知您并向主管部门报告。"]))

    # 5. rights
    rights = f.get("rights", "method")
    if rights == "method":
        r = [[f"查阅与复制：您可以登录后进入“我的—个人资料”查阅、复制您的{acct}资料，在“我的订单”中查阅交易记录；如需获取副本，可发送邮件至{f['email']}申请。",
              "更正与补充：您可以在“我的—个人资料”“收货地址”页面自行修改昵称、手机号码和地址；无法自行修改的，可联系客服办理。",
              f"删除：您可以在“我的订单”中删除历史订单；在法律规定的情形下，您可以发送邮件至{f['email']}要求我们删除您的个人信息，我们将在15个工作日内处理并答复。",
              "转移与限制处理：您可以通过上述邮箱申请将个人信息转移至您指定的处理者，或要求限制处理。"],
             [f"您如何查阅、复制、更正、删除个人信息：登录{brand}后，点击页面右上角头像进入“账户中心”，即可查看和修改个人资料、收货地址；点击“订单记录”可删除历史订单。",
              "如您需要复制、转移您的个人信息，或者要求删除我们保存的其他个人信息，可以通过本政策“如何联系我们”部分所列方式提交申请，我们核验身份后15个工作日内办理。"],
             [f"您可以按以下方式行使您的权利：①查阅、复制——在“会员中心—资料”页面查看，或来信{f['email']}索取副本；②更正、补充——在“会员中心—资料”直接修改；③删除——在“会员中心—隐私”点击“申请删除个人信息”提交申请；④转移——来信说明接收方，我们在15个工作日内办理。"]][v]
    elif rights == "listed":
        r = ["根据相关法律法规，您对自己的个人信息依法享有知情权、决定权、查阅权、复制权、更正权、补充权、删除权以及可携带权等权利。"]
    else:
        r = None
    if r is not None:
        out.append(("您的权利", r))

    # 6. cancellation
    cancel = f.get("cancel", "method")
    if cancel == "method":
        c = [[f"注销{acct}：您可以在“设置—{acct}与安全—注销{acct}”中提交注销申请，按页面提示完成身份验证；我们将在15个工作日内完成注销。注销后我们将删除或匿名化处理您的个人信息，法律法规另有规定的除外。"],
             [f"如何注销{acct}：请登录后进入“账户中心—安全设置”，点击“申请注销”，阅读注销须知并确认；也可以致电客服申请人工注销。审核通过后{acct}即被注销。"],
             [f"⑤注销——在“会员中心—安全”点击“注销{acct}”，或来信{f['email']}申请，我们在核验身份后15个工作日内注销并删除相关信息。"]][v]
        out.append((f"注销{acct}", c))
    elif isinstance(cancel, str) and cancel.startswith("refuse:"):
        out.append((f"能否注销{acct}", [cancel[len("refuse:"):]]))
    elif cancel == "mention":
        pass  # only the retention sentence names cancellation

    # 7. withdrawing consent
    if f.get("withdraw", "method") == "method":
        w = ["撤回同意：您可以在手机系统设置中关闭位置、相机、相册等权限，或在“设置—隐私—授权管理”中关闭相应授权，以撤回您的同意；撤回同意不影响撤回前基于您的同意已进行的个人信息处理活动。",
             "您可以随时撤回您的同意：在浏览器或系统设置中关闭相关权限，或在“账户中心—隐私设置”中取消勾选相应授权；退订营销短信可回复“TD”。撤回后我们将不再处理相应信息。",
             f"⑥撤回同意——在“会员中心—隐私—授权管理”中关闭授权，或来信{f['email']}撤回您的同意；撤回不影响此前基于同意的处理。"][v]
        out.append(("撤回同意", [w]))

    if f.get("kids", True):
        out.append(("未成年人的个人信息", ["我们的服务主要面向成年人。不满十四周岁的未成年人应在父母或其他监护人的同意和指导下使用，我们已单独制定《儿童个人信息保护规则》。"]))

    # 8. contact
    if f.get("contact_para"):
        contact = [f["contact_para"]]
    elif f.get("handler_mode") == "blank":
        contact = ["如您对本政策有任何疑问，请通过以下方式与我们联系：联系电话：＿＿＿＿＿＿；电子邮箱：＿＿＿＿＿＿。"]
    else:
        ph = f"；客服电话：{f['phone']}" if f.get("phone") else ""
        contact = [f"如您对本政策或您的个人信息有任何疑问、意见或投诉，可以通过以下方式联系我们：电子邮箱：{f['email']}{ph}；通信地址：{f['address']}。我们将在收到请求后15个工作日内答复。"]
    out.append(("如何联系我们", contact))
    out.append(("本政策的更新", ["本政策更新后，我们会在网站显著位置发布更新版本，并在生效前通过公告等方式通知您。"]))
    return out


def _meta(f: dict) -> str:
    return f'<p class="stamp">更新日期：{f.get("updated", "2026年6月1日")}　生效日期：{f.get("effective", "2026年6月8日")}</p>'


def render(f: dict) -> str:
    style = f.get("style", "articles")
    title = f.get("title", "隐私政策")
    secs = sections(f)
    if style == "articles":
        parts, n = [f"<h1>{f['brand']}{title}</h1>", _meta(f)], 1
        for i, (head, paras) in enumerate(secs, 1):
            parts.append(f"<h2>第{cn(i)}章　{head}</h2>")
            for p in paras:
                parts.append(f"<p><b>第{cn(n)}条</b>　{p}</p>")
                n += 1
        inner = "\n".join(parts)
    elif style == "faq":
        q = {"我们是谁": "问：谁在处理我的个人信息？", "我们收集哪些个人信息以及用途": "问：你们收集哪些信息？拿来做什么？",
             "我们如何使用信息": "问：你们怎么使用我的信息？",
             "Cookie及同类技术": "问：网站使用Cookie吗？", "我们如何共享、委托处理和公开披露": "问：我的信息会给别人吗？",
             "我们如何保存您的个人信息": "问：我的信息保存多久、存在哪里？", "我们如何保护您的个人信息": "问：你们怎么保护我的信息？",
             "您的权利": "问：我能查看、修改或删除自己的信息吗？", "撤回同意": "问：我同意之后还能反悔吗？",
             "未成年人的个人信息": "问：未成年人可以使用吗？", "如何联系我们": "问：有问题找谁？", "本政策的更新": "问：政策会变吗？"}
        parts = [f"<h1>{f['brand']}{title}（问答版）</h1>", _meta(f)]
        for head, paras in secs:
            qq = q.get(head) or ("问：怎样" + head + "？" if head.startswith("注销") else "问：" + head + "？")
            parts.append(f"<h3>{qq}</h3>")
            parts.append("<p>答：" + "</p><p>".join(paras) + "</p>")
        inner = "\n".join(parts)
    elif style == "table":
        parts = [f"<h1>{title}</h1>", _meta(f)]
        for i, (head, paras) in enumerate(secs, 1):
            parts.append(f"<h2>{i}. {head}</h2>")
            if head == "我们收集哪些个人信息以及用途" and f.get("categories", True):
                rows = "".join(f"<tr><td>{s}</td><td>{it}</td><td>{pu}</td><td>{rt}</td></tr>"
                               for (s, it, pu), rt in zip(f["features"], f.get("table_retention") or ["见第4条"] * 9))
                parts.append('<p>个人信息收集清单：</p><table class="t"><tr><th>业务功能</th><th>收集的个人信息</th>'
                             f'<th>处理目的</th><th>保存期限</th></tr>{rows}</table>')
                parts.append(f"<p>{paras[-1]}</p>")
            else:
                parts.extend(f"<p>{p}</p>" for p in paras)
        inner = "\n".join(parts)
    elif style == "accordion":
        parts = [f"<h1>{f['brand']}{title}</h1>", _meta(f), "<p>点击下列标题展开阅读各部分内容。</p>"]
        for i, (head, paras) in enumerate(secs, 1):
            parts.append(f"<details><summary><b>{i}　{head}</b></summary>"
                         + "".join(f"<p>{p}</p>" for p in paras) + "</details>")
        inner = "\n".join(parts)
    elif style == "notes":
        parts = [f"<h1>{title}</h1>", _meta(f)]
        n = 1
        for head, paras in secs:
            for p in paras:
                parts.append(f"<p>{n}. {p}</p>")
                n += 1
        inner = "\n".join(parts)
    elif style == "bilingual":
        en = f.get("english") or EN_HEADS
        parts = [f"<h1>{title} Privacy Policy</h1>", _meta(f)]
        for i, (head, paras) in enumerate(secs, 1):
            parts.append(f"<h2>{i}. {head} <small>{en.get(head, '')}</small></h2>")
            parts.extend(f"<p>{p}</p>" for p in paras)
        inner = "\n".join(parts)
    else:
        raise ValueError(style)
    return inner


def privacy_page(f: dict, theme: str = "#2b6cb0", **kw) -> str:
    return doc_page(f"{f.get('title', '隐私政策')} - {f['brand']}", render(f), f["brand"], theme=theme,
                    extra_css="details{border-bottom:1px solid #e2e8f0;padding:8px 0}summary{cursor:pointer}", **kw)


EN_HEADS = {"我们是谁": "Who we are", "我们收集哪些个人信息以及用途": "What we collect and why",
            "Cookie及同类技术": "Cookies", "我们如何共享、委托处理和公开披露": "Sharing and disclosure",
            "我们如何保存您的个人信息": "Retention", "我们如何保护您的个人信息": "Security", "您的权利": "Your rights",
            "撤回同意": "Withdrawing consent", "未成年人的个人信息": "Minors", "如何联系我们": "Contact us",
            "本政策的更新": "Updates"}
