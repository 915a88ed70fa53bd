"""Content services (site + content): video, music, games, news, Q&A, AI chat, animation, audiobooks."""
from __future__ import annotations

from common import police_badge
from homes import base_css, cards, home_page, news
from privacy import privacy_page
from sitekit import Site

from docs import doc, help_faq

BADGE = police_badge()
REPORT = "在内容页面点击右上角“举报”，选择举报类型并提交，我们在24小时内处理；也可以发送邮件至本站举报邮箱。"
CNT_FEAT = [("注册登录", "手机号码、验证码、昵称、头像", "创建和识别账号"), ("浏览与推荐", "浏览记录、搜索记录、点赞收藏记录", "推荐内容（可在设置中关闭个性化推荐）"),
            ("发布与评论", "发布的文字、图片、视频和IP地址", "展示内容、依法显示IP属地"), ("实名认证", "姓名、身份证号码", "落实网络实名制和未成年人保护要求"),
            ("安全保障", "设备标识符、操作系统、日志信息", "防范刷量、盗号和违法信息传播")]


def _psb(prov, num):
    return (f'<a href="https://beian.mps.gov.cn/#/query/webSearch?code={num}" target="_blank">'
            f'<img src="/img/ga.png" width="14" alt="">{prov}公网安备{num}号</a>')


def _icp(t):
    return f'<a href="https://beian.miit.gov.cn/" target="_blank">{t}</a>'


def _foot(lines, bg, fg, link):
    html = '<div class="ft">' + "".join(f"<p>{x}</p>" for x in lines) + "</div>"
    css = (f".ft{{text-align:center;background:{bg};color:{fg};font-size:12.5px;line-height:2.1;padding:22px 0 32px;margin-top:40px}}"
           f".ft p{{margin:0}}.ft a{{color:{link};text-decoration:none;margin:0 3px}}")
    return html, css


def _pages(brand, theme, h, addr, email):
    return {"about.html": doc("关于我们", f"<h1>关于{brand}</h1><p>{brand}由{h}运营。</p><p>地址：{addr}</p>", brand, theme),
            "contact.html": doc("联系我们", f"<h1>联系我们</h1><p>商务合作：bd@{email.split('@')[1]}</p><p>用户服务：{email}</p><p>地址：{addr}</p>", brand, theme),
            "img/ga.png": BADGE}


def video_guangying() -> Site:
    h, brand, theme = "北京光影时代文化传媒有限公司", "光影视频", "#f03e3e"
    addr = "北京市朝阳区酒仙桥路4号751园区D·Park东区B座3层"
    email = "service@guangying.tv"
    foot, fcss = _foot([
        '<a href="/about.html">关于我们</a>|<a href="/privacy.html">隐私政策</a>|<a href="/help.html">帮助中心</a>|<a href="/contact.html">联系我们</a>|<a href="#">家长监护</a>',
        "违法和不良信息举报电话：010-5729 8866　举报邮箱：jubao@guangying.tv　<a href=\"https://www.12377.cn/\" target=\"_blank\">网上有害信息举报专区</a>",
        "网络文化经营许可证：京网文（2025）3088-102号　信息网络传播视听节目许可证：0110567",
        f"{_icp('京ICP备2021034455号-1')}　{_psb('京', '11010502045678')}",
        f"{h} 版权所有"], "#141517", "#909296", "#c1c2c5")
    items = [("都市微短剧《逆光》", "更新至24集", "独播"), ("纪录片《古桥》", "6集全", "4K"), ("网络剧《雾港》", "悬疑 · 12集", "VIP"),
             ("综艺《周末去哪儿》", "第3季", "热播"), ("动画短片《纸鹤》", "8分钟", "新"), ("美食vlog合集", "每日更新", "UP主"),
             ("音乐现场《夏夜》", "演唱会", "直播回放"), ("旅行短视频", "川西", "精选")]
    pol = dict(brand=brand, handler=h, address=addr, email="privacy@guangying.tv", phone="010-5729 8800", features=CNT_FEAT,
               style="articles", variant=0)
    files = {"index.html": home_page("光影视频 - 网络剧 短视频 纪录片", brand, [("首页", "/"), ("剧集", "#"), ("综艺", "#"), ("纪录片", "#")],
                                     "光影视频 · 好故事在这里", [("热播", cards(items)), ("片单", cards(items[::-1]))], foot,
                                     base_css("#1a1b1e", "#e9ecef", theme), fcss + ".card{background:#25262b}.card h4{color:#e9ecef}"),
             "privacy.html": privacy_page(pol, theme=theme), "help.html": doc("帮助中心", help_faq(dict(kind="content", brand=brand, report=REPORT)), brand, theme),
             **_pages(brand, theme, h, addr, email)}
    return Site("video-guangying-fullwidth-paren-culture", "光影视频（网文编号用全角括号：京网文（2025）3088-102号）", ["site", "content"],
                "A video platform (web series, short video, live-show replays) with its own 举报 phone and mailbox plus\n"
                "the 12377 link, and its culture licence written with full-width parentheses 京网文（2025）3088-102号\n"
                "(NFKC gives the () form of rulebook §2.6), issued 2025. Compliant.",
                files,
                why={"culture-licence-displayed": "京网文（2025）3088-102号 = 京网文(2025)3088-102号, a valid form (rulebook §2.6), within 3 years"})


def music_tingfeng() -> Site:
    h, brand, theme = "杭州听风音乐科技有限公司", "听风音乐", "#12b886"
    addr = "浙江省杭州市滨江区网商路599号网易大厦对面听风大楼5层"
    email = "help@tingfeng.fm"
    foot, fcss = _foot([
        '<a href="/about.html">关于听风</a> · <a href="/privacy.html">隐私政策</a> · <a href="/help.html">帮助与反馈</a> · <a href="/contact.html">联系我们</a> · <a href="#">音乐人入驻</a>',
        "不良信息举报：jubao@tingfeng.fm　举报电话：0571-8661 0012",
        f"{h}　{_icp('浙ICP备2020045566号-1')}　{_psb('浙', '33010802010688')}"], "#f8f9fa", "#495057", "#343a40")
    items = [("每日推荐", "30首", "根据你的口味"), ("民谣精选", "温柔的夜", "歌单"), ("新歌速递", "本周上新", "榜单"), ("独立音乐人", "原创", "扶持计划"),
             ("K歌房", "在线合唱", "热门"), ("有声电台", "睡前故事", "电台"), ("演唱会直播", "周六 20:00", "预约"), ("经典老歌", "华语", "歌单")]
    pol = dict(brand=brand, handler=h, address=addr, email="privacy@tingfeng.fm", phone="0571-8661 0000", features=CNT_FEAT,
               style="faq", variant=1)
    files = {"index.html": home_page("听风音乐 - 听见好音乐", brand, [("发现音乐", "/"), ("歌单", "#"), ("排行榜", "#"), ("音乐人", "#")],
                                     "听风音乐 · 风里有歌", [("为你推荐", cards(items)), ("热门歌单", cards(items[2:] + items[:2]))], foot,
                                     base_css("#fff", "#212529", theme), fcss),
             "privacy.html": privacy_page(pol, theme=theme), "help.html": doc("帮助与反馈", help_faq(dict(kind="content", brand=brand, report=REPORT)), brand, theme),
             **_pages(brand, theme, h, addr, email)}
    return Site("music-tingfeng-no-culture-licence", "听风音乐（在线音乐、K歌和演唱会直播，没有网络文化经营许可证）", ["site", "content"],
                "An online-music service (streaming, K歌, concert live streams) with a 举报 mailbox and phone, but no\n"
                "网络文化经营许可证 number anywhere on the homepage.",
                files,
                expect={"culture-licence-displayed": "fail"},
                why={"culture-licence-displayed": "online music, K歌 and live concerts are 互联网文化产品 (互联网文化管理暂行规定 Art. 2): the licence number must be on the homepage (Art. 12)"})


def game_lieyan() -> Site:
    h, brand, theme = "广州烈焰网络科技有限公司", "烈焰游戏", "#e8590c"
    addr = "广东省广州市天河区珠江新城华夏路16号富力盈凯广场38楼"
    email = "kefu@lieyangame.com"
    foot, fcss = _foot([
        '<a href="/about.html">关于烈焰</a>　<a href="/privacy.html">隐私政策</a>　<a href="/help.html">客服中心</a>　<a href="/contact.html">联系我们</a>　<a href="#">家长监护工程</a>',
        "健康游戏忠告：抵制不良游戏，拒绝盗版游戏。注意自我保护，谨防受骗上当。适度游戏益脑，沉迷游戏伤身。合理安排时间，享受健康生活。",
        "举报中心：report@lieyangame.com（违法和不良信息、未成年人相关问题）　<a href=\"https://www.12377.cn/\" target=\"_blank\">12377</a>",
        "网络文化经营许可证：粤网文【2024】2233-118号　网络出版服务许可证：（总）网出证（粤）字第088号",
        f"增值电信业务经营许可证：粤B2-20210998　{_psb('粤', '44010602008765')}　{h}"], "#1c0f08", "#c9a58a", "#ffc078")
    items = [("烈焰三国", "策略国战", "公测"), ("剑影江湖", "武侠MMO", "新服"), ("萌宠大作战", "休闲竞技", "热门"), ("星际矿工", "放置", "预约"),
             ("卡牌传说", "卡牌", "更新"), ("赛车狂飙", "竞速", "赛季"), ("塔防英雄", "塔防", "经典"), ("幻想农场", "模拟经营", "新")]
    pol = dict(brand=brand, handler=h, address=addr, email="privacy@lieyangame.com", phone="020-3822 6688", features=CNT_FEAT,
               style="table", variant=1, table_retention=["注销后15个工作日内删除", "6个月", "账号存续期间", "注销后删除", "180天"])
    files = {"index.html": home_page("烈焰游戏官网", brand, [("首页", "/"), ("游戏中心", "#"), ("充值", "#"), ("客服", "/help.html")],
                                     "烈焰三国 · 全新赛季", [("游戏", cards(items)), ("新闻", news([("烈焰三国新赛季公告", "2026-11-15"), ("防沉迷系统升级", "2026-09-01")]))],
                                     foot, base_css("#fff8f0", "#2b1608", theme), fcss),
             "privacy.html": privacy_page(pol, theme=theme), "help.html": doc("客服中心", help_faq(dict(kind="content", brand=brand, report=REPORT)), brand, theme),
             **_pages(brand, theme, h, addr, email)}
    return Site("game-lieyan-lenticular-brackets-culture", "烈焰游戏（网文编号用【】括号：粤网文【2024】2233-118号）", ["site", "content"],
                "A game publisher's portal whose culture licence is written with lenticular brackets 粤网文【2024】2233-118号\n"
                "(a common real-world form; realweb 023) instead of 〔〕. Like many game portals it shows its operating\n"
                "licence 粤B2-20210998 and no filing number (ICP Measures Art. 12 accepts either). The 举报中心 line gives\n"
                "a mailbox. Compliant.",
                files,
                expect={"icp-number-linked": "not_applicable"},
                why={"icp-number-linked": "only the operating licence 粤B2-20210998 is shown: the Filing Measures' link duty names filing numbers (rule text; field-set convention)",
                     "icp-number-displayed": "增值电信业务经营许可证 粤B2-20210998 is a licence number ICP Measures Art. 12 accepts",
                     "culture-licence-displayed": "粤网文【2024】2233-118号 is the licence number with different brackets; typography, not a different number (互联网文化管理暂行规定 Art. 12); issued 2024"})


def news_jiangcheng() -> Site:
    h, brand, theme = "武汉江城传媒有限公司", "江城资讯", "#1c7ed6"
    addr = "湖北省武汉市武昌区中北路227号楚商大厦20层"
    email = "news@jiangchengzx.cn"
    foot, fcss = _foot([
        '<a href="/about.html">关于我们</a> | <a href="/privacy.html">隐私政策</a> | <a href="/contact.html">联系我们</a> | <a href="#">投稿</a> | <a href="#">广告服务</a>',
        '<a href="https://cyberpolice.mps.gov.cn/wfjb/" target="_blank">网络110报警服务</a> | <a href="https://www.12321.cn/" target="_blank">12321网络不良与垃圾信息举报受理中心</a>',
        f"{_icp('鄂ICP备2020021357号-1')}　{_psb('鄂', '42010602002589')}",
        f"Copyright © {h}"], "#f1f3f5", "#495057", "#1c7ed6")
    heads = [("武汉地铁新线开通运营", "2026-11-24"), ("长江大保护十年成效发布", "2026-11-24"), ("东湖樱花园冬季开放时间调整", "2026-11-23"),
             ("光谷科创大走廊项目签约", "2026-11-23"), ("江城早餐地图更新", "2026-11-22"), ("汉马报名开启", "2026-11-22"),
             ("武昌古城改造进展", "2026-11-21"), ("寒潮来袭注意保暖", "2026-11-21"), ("高校毕业生就业服务周", "2026-11-20"),
             ("汉口历史风貌区夜游", "2026-11-20"), ("热干面节举办", "2026-11-19"), ("长江隧道限行通知", "2026-11-19")]
    pol = dict(brand=brand, handler=h, address=addr, email="privacy@jiangchengzx.cn", phone="027-8771 2200",
               features=[("注册账号", "手机号码、昵称", "评论和收藏"), ("浏览新闻", "浏览记录、设备信息", "推荐新闻（可关闭）"), ("发表评论", "评论内容、IP地址", "展示评论、显示IP属地")],
               style="notes", variant=0)
    files = {"index.html": home_page("江城资讯 - 武汉本地新闻", brand, [("首页", "/"), ("本地", "#"), ("民生", "#"), ("财经", "#")],
                                     "江城资讯 · 武汉人的新闻", [("要闻", news(heads)), ("民生", news(heads[::-1]))], foot,
                                     base_css("#fff", "#212529", theme), fcss),
             "privacy.html": privacy_page(pol, theme=theme), **_pages(brand, theme, h, addr, email)}
    return Site("news-jiangcheng-only-cyberpolice-12321", "江城资讯（只有网络110和12321两个国家平台链接，没有本站举报方式）",
                ["site", "content"],
                "A local news portal with comments. Its only reporting links go to national centres (网络110报警服务,\n"
                "cyberpolice.mps.gov.cn; 12321.cn); the site publishes no 举报 phone, mailbox or form of its own. It\n"
                "offers no music, games, performances or animation.",
                files,
                expect={"illegal-content-report-entry": "needs_review", "culture-licence-displayed": "not_applicable"},
                why={"illegal-content-report-entry": "only national reporting centres are linked; Content Ecology Art. 16 asks the platform for its own entrance and method → review (rule text)",
                     "culture-licence-displayed": "news text offers no 互联网文化产品 (互联网文化管理暂行规定 Art. 2): not a culture operator"})


def ugc_wenquan() -> Site:
    h, brand, theme = "上海问泉网络科技有限公司", "问泉", "#7950f2"
    addr = "上海市杨浦区国定东路200号创智天地4号楼9楼"
    email = "help@wenquan.cn"
    foot, fcss = _foot([
        '<a href="/about.html">关于问泉</a> · <a href="/privacy.html">隐私政策</a> · <a href="/help.html">帮助中心</a> · <a href="/contact.html">联系我们</a> · <a href="#">社区规范</a> · <a href="#">加入我们</a>',
        f"{h}",
        f"{_icp('沪ICP备2021017788号-1')}　<a href=\"https://beian.mps.gov.cn/#/query/webSearch?code=32010602001234\" target=\"_blank\"><img src=\"/img/ga.png\" width=\"14\" alt=\"\">沪公网安备32010602001234号</a>"],
        "#f3f0ff", "#5f3dc4", "#5f3dc4")
    qs = [("有哪些相见恨晚的做饭技巧？", "1,208 个回答"), ("为什么猫喜欢把东西推下桌？", "876 个回答"), ("第一次去新疆怎么安排行程？", "532 个回答"),
          ("考研二战值得吗？", "2,301 个回答"), ("怎么看待年轻人回老家工作？", "1,776 个回答"), ("有什么冷门但好用的软件？", "3,014 个回答"),
          ("如何判断一个人是否真诚？", "998 个回答"), ("租房时要注意什么坑？", "1,442 个回答"), ("你见过最有创意的毕业设计？", "612 个回答"),
          ("冬天怎么给阳台植物过冬？", "287 个回答")]
    pol = dict(brand=brand, handler=h, address=addr, email="privacy@wenquan.cn", phone="021-6511 7700", features=CNT_FEAT,
               style="accordion", variant=1)
    files = {"index.html": home_page("问泉 - 有问题，来问泉", brand, [("首页", "/"), ("发现", "#"), ("等你来答", "#"), ("提问", "#")],
                                     "问泉 · 分享知识与经验", [("热门问题", news(qs)), ("今日推荐", news(qs[::-1]))], foot,
                                     base_css("#fcfbff", "#212529", theme), fcss),
             "privacy.html": privacy_page(pol, theme=theme), "help.html": doc("帮助中心", help_faq(dict(kind="content", brand=brand, report=None)), brand, theme),
             **_pages(brand, theme, h, addr, email)}
    return Site("ugc-wenquan-no-report-psb-wrong-province", "问泉（问答社区没有举报入口；沪公网安备的数字以32开头）", ["site", "content"],
                "A Q&A community (user-generated content) with no 举报 entrance or method anywhere — no own channel and\n"
                "no national link. Its police number is 沪公网安备32010602001234号: 沪 is 31, the digits start with 32\n"
                "(Jiangsu). Text Q&A offers no culture products.",
                files,
                expect={"illegal-content-report-entry": "fail", "psb-filing-displayed": "fail", "culture-licence-displayed": "not_applicable"},
                why={"illegal-content-report-entry": "a UGC platform with no 举报 entrance at all (Content Ecology Art. 16)",
                     "psb-filing-displayed": "沪 = 31 but the number begins 32: province mismatch (rulebook §2.4)",
                     "culture-licence-displayed": "text Q&A is not a 互联网文化产品 (互联网文化管理暂行规定 Art. 2)"})


def ai_zhiyu() -> Site:
    h, brand, theme = "北京智语未来科技有限公司", "智语AI", "#4263eb"
    addr = "北京市海淀区中关村大街27号中关村大厦11层1108"
    email = "support@zhiyu.ai"
    foot, fcss = _foot([
        '<a href="/about.html">关于我们</a> · <a href="/privacy.html">隐私政策</a> · <a href="/help.html">帮助中心</a> · <a href="/report.html">投诉举报</a> · <a href="/contact.html">联系我们</a>',
        "生成式人工智能服务已备案：Beijing-ZhiYu-20240612　算法备案：网信算备110108823483901240015号",
        "违法和不良信息举报电话：010-6275 3300　举报邮箱：report@zhiyu.ai",
        f"{_icp('京ICP备2023045612号-1')}　{_psb('京', '11010802043321')}　{h}"], "#f8f9ff", "#4c6ef5", "#364fc7")
    report = doc("投诉举报", "<h1>投诉举报</h1><p>如您发现智语AI生成或用户发布的内容违法、不良或侵犯您的权益，可通过以下方式举报：</p>"
                 "<p>1. 举报电话：010-6275 3300（工作日 9:00-18:00）</p><p>2. 举报邮箱：report@zhiyu.ai</p>"
                 "<p>3. 在对话页面点击回答下方的“举报”按钮。</p><p>处理流程：我们在收到举报后24小时内初审，7个工作日内反馈处理结果。</p>"
                 "<form><p>举报类型 <select><option>违法信息</option><option>侵权</option><option>其他</option></select></p><p>描述 <textarea></textarea></p><button>提交</button></form>",
                 brand, theme)
    items = [("写作助手", "公文、邮件、文案", "免费"), ("代码助手", "解释与补全", "免费"), ("学习辅导", "分步讲解", "免费"), ("翻译", "中英日韩", "免费"),
             ("表格分析", "上传Excel", "Pro"), ("会议纪要", "录音转写", "Pro"), ("旅行规划", "行程建议", "免费"), ("生活百科", "问答", "免费")]
    pol = dict(brand=brand, handler=h, address=addr, email="privacy@zhiyu.ai", phone="010-6275 3300",
               features=[("注册登录", "手机号码、验证码", "创建账号"), ("对话服务", "您输入的文字、上传的文件和对话记录", "生成回答、改进模型（可在设置中关闭）"),
                         ("安全审核", "对话内容、IP地址、设备信息", "识别违法和不良信息、防范滥用")],
               style="table", variant=2, table_retention=["注销后15个工作日内删除", "您删除对话后立即删除，最长保存180天", "6个月"])
    files = {"index.html": home_page("智语AI - 你的智能对话助手", brand, [("对话", "/"), ("应用", "#"), ("定价", "#"), ("帮助", "/help.html")],
                                     "智语AI · 有问必答", [("能力", cards(items)), ("更新", news([("智语3.0发布：支持长文档", "2026-10-30"), ("未成年人模式上线", "2026-08-01")]))],
                                     foot, base_css("#fff", "#1b1f3b", theme), fcss),
             "privacy.html": privacy_page(pol, theme=theme), "help.html": doc("帮助中心", help_faq(dict(kind="content", brand=brand, report=REPORT)), brand, theme),
             "report.html": report, **_pages(brand, theme, h, addr, email)}
    return Site("ai-zhiyu-chat-report-page", "智语AI（生成式AI对话服务：备案号、投诉举报页面和举报电话）", ["site", "content"],
                "A generative-AI chat service showing its model filing, algorithm filing, a 投诉举报 link to a page with\n"
                "phone, mailbox, form and processing times, and the 举报 phone and mailbox in the footer. AI chat offers\n"
                "no music, games, performances or animation.",
                files,
                expect={"culture-licence-displayed": "not_applicable"},
                why={"culture-licence-displayed": "a general AI chat assistant is not a 互联网文化单位 (互联网文化管理暂行规定 Art. 2)"})


def anime_yunman() -> Site:
    h, brand, theme = "杭州云漫动画有限公司", "云漫动画", "#f76707"
    addr = "浙江省杭州市滨江区长河街道江虹路1750号润和信雅达国际1号楼16层"
    email = "fans@yunman.tv"
    foot, fcss = _foot([
        '<a href="/about.html">关于云漫</a> / <a href="/privacy.html">隐私政策</a> / <a href="/help.html">帮助</a> / <a href="/contact.html">联系我们</a>',
        "违法和不良信息举报：jubao@yunman.tv　0571-8511 6632",
        "网络文化经营许可证：浙网文〔2022〕1123-046号",
        f"{_icp('浙ICP备2018044321号-2')}　{_psb('浙', '33010802008123')}　{h}"], "#fff4e6", "#d9480f", "#d9480f")
    items = [("《山海小神》第二季", "国漫 · 更新中", "独播"), ("《猫咪侦探社》", "萌系 · 完结", "热门"), ("《星河列车》", "科幻 · 更新中", "新番"),
             ("《白蛇外传》", "古风 · 电影", "VIP"), ("《机甲少年》", "热血", "连载"), ("《四季食堂》", "治愈", "短篇"), ("动画教程", "UP主投稿", "学习"),
             ("同人创作区", "二创", "社区")]
    pol = dict(brand=brand, handler=h, address=addr, email="privacy@yunman.tv", phone="0571-8511 6600", features=CNT_FEAT, style="faq", variant=0)
    files = {"index.html": home_page("云漫动画 - 国漫新番", brand, [("首页", "/"), ("新番", "#"), ("国漫", "#"), ("社区", "#")],
                                     "云漫动画 · 追番不停", [("本周新番", cards(items)), ("排行", cards(items[::-1]))], foot,
                                     base_css("#fffaf5", "#3b1d00", theme), fcss),
             "privacy.html": privacy_page(pol, theme=theme), "help.html": doc("帮助", help_faq(dict(kind="content", brand=brand, report=REPORT)), brand, theme),
             **_pages(brand, theme, h, addr, email)}
    return Site("anime-yunman-licence-issued-2022", "云漫动画（网文许可证2022年签发，已超过3年有效期）", ["site", "content"],
                "An animation streaming site showing 浙网文〔2022〕1123-046号. The licence is valid for three years (rulebook\n"
                "CN-LIC-WWW); issued in 2022, it has expired by 2026-11-25 unless renewed under the same number: a\n"
                "person must check. Everything else is in order.",
                files,
                expect={"culture-licence-displayed": "needs_review"},
                why={"culture-licence-displayed": "issued 2022, more than three years before 2026-11-25: possibly expired, verify (rule text)"})


def audio_shengyue() -> Site:
    h, brand, theme = "成都声阅文化传播有限公司", "声阅有声", "#ae3ec9"
    from ids import make_uscc as mk
    code = mk("91", "510104", "MA6BXY35")
    addr = "四川省成都市锦江区东大街下东大街段199号睿东中心1号楼2503"
    psb = "51010402002215"
    foot, fcss = _foot([
        '<a href="/about.html">关于我们</a> | <a href="/privacy.html">隐私政策</a> | <a href="/help.html">会员帮助</a> | <a href="/contact.html">联系我们</a> | <a href="/licence.html">营业执照</a>',
        f"{h}　统一社会信用代码：{code}　地址：{addr}",
        "会员客服：028-6255 7788　投诉邮箱：ts@shengyue.fm　违法和不良信息举报：jubao@shengyue.fm",
        "网络文化经营许可证：川网文〔2025〕0456-021号",
        f"{_icp('蜀ICP备2022015678号-1')}　{_psb('川', psb)}"], "#f8f0fc", "#862e9c", "#862e9c")
    items = [("《三体》有声剧", "全集", "VIP"), ("《明朝那些事儿》", "评书", "VIP"), ("睡前故事", "儿童", "免费"), ("相声精选", "曲艺", "免费"),
             ("英语听力", "每日一练", "VIP"), ("《红楼梦》精读", "讲书", "VIP"), ("脱口秀专场", "音频", "新"), ("广播剧《长安》", "古风", "独家")]
    pol = dict(brand=brand, handler=h, address=addr, email="privacy@shengyue.fm", phone="028-6255 7788",
               features=CNT_FEAT[:3] + [("购买会员", "订单信息、支付信息", "开通会员和开具发票")], style="articles", variant=1)
    files = {"index.html": home_page("声阅有声 - 有声书 广播剧", brand, [("首页", "/"), ("有声书", "#"), ("广播剧", "#"), ("开通会员", "#")],
                                     "声阅有声 · 用耳朵读书", [("热门", cards(items)), ("会员专享", cards(items[::-1]))], foot,
                                     base_css("#fff", "#2b0a33", theme), fcss),
             "privacy.html": privacy_page(pol, theme=theme), "help.html": doc("会员帮助", help_faq(dict(kind="content", brand=brand, report=REPORT)), brand, theme),
             "licence.html": doc("营业执照", f"<h1>营业执照</h1><p>名称：{h}</p><p>统一社会信用代码：{code}</p><p>住所：{addr}</p>", brand, theme),
             "about.html": doc("关于我们", f"<h1>关于声阅</h1><p>{brand}由{h}运营，提供有声书和广播剧，并销售会员服务。</p>", brand, theme),
             "contact.html": doc("联系我们", f"<h1>联系我们</h1><p>会员客服：028-6255 7788</p><p>地址：{addr}</p>", brand, theme),
             "img/ga.png": BADGE}
    return Site("audio-shengyue-vip-content-operator", "声阅有声（有声书平台，出售会员：内容+经营者）", ["site", "content", "operator"],
                "An audiobook and radio-drama service that sells VIP memberships itself, so it is both a content service and\n"
                "an operator (profiles content + operator, as the field set's literature site). Culture licence 2025,\n"
                "own 举报 mailbox, company details, phone, address, complaint mailbox and a complete help centre.",
                files,
                why={"culture-licence-displayed": "有声 (audio drama) is a 互联网文化产品; 川网文〔2025〕0456-021号 valid form, within 3 years"})


def game_heiyao() -> Site:
    h, brand, theme = "深圳黑曜互动娱乐有限公司", "黑曜游戏", "#343a40"
    addr = "广东省深圳市南山区粤海街道高新南九道55号微软大厦10楼"
    email = "service@heiyaogame.com"
    menu = ('<div class="qz">资质证照 ▾<div class="drop">网络文化经营许可证：粤网文〔2025〕1876-302号<br>'
            '增值电信业务经营许可证：粤B2-20220777<br>网络出版服务许可证：（总）网出证（粤）字第102号</div></div>')
    top = f'<div class="topbar">黑曜游戏官方网站　{menu}</div>'
    foot, fcss = _foot([
        '<a href="/about.html">关于黑曜</a>　<a href="/privacy.html">隐私政策</a>　<a href="/help.html">客服中心</a>　<a href="/contact.html">联系我们</a>',
        "违法和不良信息举报电话：0755-2160 3399　举报邮箱：jubao@heiyaogame.com",
        f"{_icp('粤ICP备2022061234号-1')}　{_psb('粤', '44030502010234')}　{h}"], "#212529", "#adb5bd", "#dee2e6")
    fcss += (".topbar{background:#000;color:#ced4da;font-size:12px;padding:6px 60px;display:flex;justify-content:space-between}"
             ".qz{position:relative;cursor:pointer}.qz .drop{display:none;position:absolute;right:0;top:18px;background:#fff;color:#333;"
             "padding:10px 14px;width:360px;line-height:1.9;box-shadow:0 2px 8px rgba(0,0,0,.2);z-index:5}.qz:hover .drop{display:block}")
    items = [("黑曜纪元", "暗黑ARPG", "公测"), ("深渊回响", "Roguelike", "新"), ("机械之心", "射击", "赛季"), ("龙脉", "MMORPG", "经典"),
             ("魔女的茶会", "卡牌", "更新"), ("极地求生", "生存", "预约"), ("黑曜电竞", "赛事直播", "LIVE"), ("像素骑士", "独立", "新")]
    pol = dict(brand=brand, handler=h, address=addr, email="privacy@heiyaogame.com", phone="0755-2160 3300", features=CNT_FEAT,
               style="notes", variant=2)
    files = {"index.html": home_page("黑曜游戏官网", brand, [("首页", "/"), ("游戏", "#"), ("赛事", "#"), ("客服", "/help.html")],
                                     "黑曜纪元 · 深渊之门已开启", [("游戏", cards(items)), ("新闻", news([("黑曜纪元S3赛季", "2026-11-11")]))],
                                     foot, base_css("#f1f3f5", "#212529", theme), fcss, top=top),
             "privacy.html": privacy_page(pol, theme=theme), "help.html": doc("客服中心", help_faq(dict(kind="content", brand=brand, report=REPORT)), brand, theme),
             **_pages(brand, theme, h, addr, email)}
    return Site("game-heiyao-licence-only-in-hover-menu", "黑曜游戏（网文许可证只藏在顶部“资质证照”悬停菜单里）", ["site", "content"],
                "A game publisher whose licences appear only in a '资质证照 ▾' drop-down in the top bar that opens on\n"
                "mouse hover (display:none until :hover). Nothing of it is visible on the homepage as loaded; the footer\n"
                "shows the ICP and police numbers and the 举报 line but no culture licence.",
                files,
                expect={"culture-licence-displayed": "fail"},
                why={"culture-licence-displayed": "the number is hidden (display:none) until a hover: not 在网站主页的显著位置标明 (互联网文化管理暂行规定 Art. 12); hidden text is not displayed (contract)"})


SITES = [video_guangying, music_tingfeng, game_lieyan, news_jiangcheng, ugc_wenquan, ai_zhiyu, anime_yunman, audio_shengyue, game_heiyao]
