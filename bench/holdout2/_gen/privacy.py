"""Privacy policies for holdout2, in styles the two earlier sets did not use.

A policy is a list of sections (title, blocks); a block is ('p', text), ('ul', [items]) or
('table', header, rows).  Renderers: toc (table of contents with anchors), summary (a one-screen
summary table, then the full text), numbered (1. / 1.1 mobile style), pre (plain text pasted into
<pre>), paged (split over several files with 上一页/下一页), lines (for the PDF writer).

Every option below states each item of PIPL Art. 17 and 网络数据安全管理条例 Art. 21 unless the
site asks for a defect (handler='brand_only').
"""
from __future__ import annotations

import html
import re

from org import Org

# --- what each kind of service collects -------------------------------------------------------

FUNCS = {
    'card': [
        ('注册与登录', '手机号码、登录密码（以不可逆方式加密存储）、QQ号码（选填）', '为您创建会员账号并提供登录、找回密码服务'),
        ('购买卡密与直充', '订单编号、商品名称、充值账号（如游戏账号、手机号码）、支付方式及支付流水号', '向您发放卡密或完成直充，处理退款和售后'),
        ('客服与投诉', '您与客服的沟通记录、您主动提供的截图和订单信息', '答复咨询、处理投诉与纠纷'),
        ('账户安全与风控', '设备型号、操作系统版本、IP地址、登录日志', '识别盗号、欺诈、套现等异常交易，保障账户和资金安全'),
    ],
    'card_platform_extra': [
        ('开通分站与供货商入驻', '真实姓名、身份证号码、营业执照信息、结算银行账户及开户名', '依照《电子商务法》第二十七条核验、登记经营者身份信息并结算货款'),
    ],
    'shop': [
        ('注册会员', '手机号码、昵称、登录密码', '创建会员账号，记录积分与优惠券'),
        ('下单与配送', '收货人姓名、收货地址、联系电话、订单备注', '为您打包发货并交由承运人配送'),
        ('支付', '支付渠道、交易流水号、支付时间（我们不接触您的银行卡号）', '确认付款、办理退款'),
        ('售后服务', '订单信息、问题描述、您上传的商品照片、通话或在线沟通记录', '办理退换货、维修及投诉处理'),
        ('安全保障', '设备信息、浏览器类型、IP地址、访问日志', '防范恶意刷单、盗用账号等风险'),
    ],
    'market_extra': [
        ('商家入驻', '营业执照、法定代表人或经营者身份证件、联系人姓名与电话、结算账户', '审核入驻资质，按《电子商务法》第二十七条核验登记并定期更新'),
    ],
    'video': [
        ('账号注册与登录', '手机号码、昵称、头像', '提供账号服务、同步观看进度'),
        ('观看与互动', '观看记录、收藏、评论与弹幕内容、点赞记录', '提供播放、收藏、评论等功能'),
        ('个性化推荐', '观看及搜索记录、设备标识符', '向您推荐可能感兴趣的节目（可在设置中关闭）'),
        ('安全与内容管理', '设备信息、IP地址、操作日志', '保障账号安全，履行网络信息内容管理义务'),
    ],
    'game': [
        ('注册与实名认证', '手机号码、真实姓名、身份证号码', '依照国家规定进行网络游戏实名认证并落实防沉迷措施'),
        ('游戏服务', '角色名称、等级、游戏内行为日志、聊天记录', '提供游戏功能、处理违规行为'),
        ('充值消费', '订单编号、充值金额、支付流水号', '完成充值、依法限制未成年人消费'),
        ('安全保障', '设备型号、操作系统、IP地址、崩溃日志', '识别外挂和盗号，保障游戏公平'),
    ],
    'novel': [
        ('注册与登录', '手机号码、昵称、登录密码', '创建读者账号'),
        ('阅读服务', '阅读记录、书架、书签、阅读时长', '同步阅读进度、提供书架功能'),
        ('充值与VIP会员', '订单编号、充值金额、支付方式、支付流水号', '开通VIP会员、购买付费章节、办理退款'),
        ('评论与书友圈', '评论、书评内容，IP属地', '提供互动功能，依法展示IP属地'),
    ],
    'live': [
        ('注册与登录', '手机号码、昵称、头像', '提供账号服务'),
        ('实名认证', '真实姓名、身份证号码、人脸图像（仅主播开播及提现时）', '依法对主播进行实名核验'),
        ('观看与互动', '观看记录、弹幕、礼物赠送记录', '提供直播观看与互动功能'),
        ('充值', '充值金额、订单编号、支付流水号', '完成虚拟币充值、依法限制未成年人打赏'),
    ],
    'forum': [
        ('注册账号', '用户名、电子邮箱、手机号码（用于实名认证）', '创建论坛账号，落实后台实名'),
        ('发帖与回复', '帖子和回复内容、上传的图片、IP属地', '展示您发布的内容，依法显示IP属地'),
        ('站内消息', '站内短消息内容', '提供用户之间的沟通功能'),
        ('安全管理', 'IP地址、登录日志、操作记录', '处置违法违规信息，保障社区安全'),
    ],
    'ai': [
        ('账号服务', '手机号码或电子邮箱、昵称', '创建账号、提供登录服务'),
        ('写作与对话', '您输入的提示词、上传的文档、模型生成的内容', '生成您需要的文本，保存历史对话供您查看'),
        ('服务改进', '经去标识化处理的输入输出样本', '改进模型效果（您可在设置中关闭）'),
        ('安全与合规', '设备信息、IP地址、操作日志、违规内容识别记录', '识别和处置违法不良信息，履行生成式人工智能服务安全义务'),
    ],
    'comic': [
        ('注册与登录', '手机号码、昵称、头像', '创建读者账号'),
        ('阅读服务', '阅读记录、收藏、追更列表', '同步阅读进度、提醒更新'),
        ('付费阅读', '订单编号、漫币充值记录、支付流水号', '购买付费话、办理退款'),
        ('评论互动', '评论内容、IP属地', '提供评论功能，依法展示IP属地'),
    ],
    'music': [
        ('注册与登录', '手机号码、昵称、头像', '创建账号'),
        ('播放服务', '播放记录、收藏歌单、下载记录', '提供播放、收藏和离线下载功能'),
        ('会员服务', '订单编号、支付流水号、会员有效期', '开通和续费会员'),
        ('评论与动态', '评论、动态内容、IP属地', '提供互动功能'),
    ],
    'corp': [
        ('在线留言与询价', '姓名、联系电话、电子邮箱、单位名称、留言内容', '答复您的咨询，向您发送报价'),
        ('招聘投递', '简历中的姓名、联系方式、教育及工作经历', '评估岗位匹配度、安排面试'),
        ('网站访问', 'IP地址、浏览器类型、访问时间和页面', '统计访问量、保障网站安全'),
    ],
    'gov': [
        ('政民互动（领导信箱、咨询投诉）', '姓名、联系电话、电子邮箱、通信地址、留言内容', '受理、转办和答复您的诉求'),
        ('依申请公开', '姓名、证件类型及号码、联系方式、所需信息描述', '依照《政府信息公开条例》办理申请'),
        ('网上调查', '您自愿填写的问卷答案（匿名）', '征集意见、统计结果'),
    ],
    'school': [
        ('招生咨询与在线报名', '学生姓名、性别、出生日期、联系电话、毕业学校、意向专业、监护人姓名及电话', '答复招生咨询，办理报名和录取'),
        ('校友登记', '姓名、毕业年份、专业、联系方式、工作单位（选填）', '联系校友、组织校友活动'),
        ('网站访问', 'IP地址、浏览器类型、访问时间', '统计访问量、保障网站安全'),
    ],
    'assoc': [
        ('会员入会申请', '单位名称、统一社会信用代码、联系人姓名、职务、手机号码、电子邮箱', '审核入会资格，提供会员服务'),
        ('活动报名', '姓名、单位、手机号码', '组织培训、展会和交流活动'),
        ('网站访问', 'IP地址、浏览器类型、访问时间', '统计访问量、保障网站安全'),
    ],
    'blog': [
        ('发表评论', '昵称、电子邮箱（不公开）、个人网址（选填）、IP地址', '显示您的评论、在有人回复时通知您、过滤垃圾评论'),
        ('访问统计', '经本站自建统计工具记录的IP地址（截断后四位）、访问页面、来源', '了解哪些文章被阅读'),
    ],
}

SHARES = {
    'pay': [('支付宝（中国）网络技术有限公司', '支付宝支付', '订单编号、支付金额'),
            ('财付通支付科技有限公司', '微信支付', '订单编号、支付金额')],
    'ship': [('顺丰速运有限公司', '商品配送', '收货人姓名、电话、地址'),
             ('中通快递股份有限公司', '商品配送', '收货人姓名、电话、地址')],
    'cloud': [('阿里云计算有限公司', '云服务器与数据存储（委托处理）', '存储于服务器上的全部业务数据')],
    'sms': [('深圳市腾讯计算机系统有限公司', '短信验证码发送', '手机号码')],
    'gov': [('本县有关部门、乡镇人民政府', '转办和答复您的诉求', '姓名、联系电话、留言内容')],
    'realname': [('国家网络游戏防沉迷实名认证系统', '实名认证核验', '姓名、身份证号码')],
}

SHARE_KINDS = {'pay': '支付机构', 'ship': '快递物流公司', 'cloud': '云服务商', 'sms': '短信服务商', 'gov': '有关部门',
               'realname': '实名认证机构'}

# --- phrase banks -------------------------------------------------------------------------------

RETENTION = {
    'cn_server_until': '我们在中华人民共和国境内运营中收集和产生的个人信息，存储于中国境内的服务器，保存至您注销账号之日后满三年，期满后予以删除或匿名化处理；其中商品和服务信息、交易信息依照《中华人民共和国电子商务法》第三十一条，自交易完成之日起保存不少于三年。我们不会向境外提供您的个人信息。',
    'per_item': '各类信息的保存期限如下：账号信息在您使用服务期间保存，您注销账号后十五个工作日内删除；订单与交易记录自交易完成之日起保存三年；客服沟通记录保存一年；安全日志保存六个月。超出上述期限后，我们将删除或匿名化处理您的个人信息。您的个人信息存储于中国境内。',
    'account_life': '我们仅在实现本政策所述目的所必需的期间内保留您的个人信息，具体为：账号存续期间持续保存；账号注销后三十日内删除，但法律法规要求保存的除外（如交易记录保存三年、网络日志保存六个月）。相关信息均存储在位于中国境内的服务器上。',
    'content_log': '您的账号信息在账号存续期间保存；您发布的内容在您删除或注销账号后三十日内删除；依照《网络安全法》要求，网络日志保存不少于六个月。个人信息存储于中国境内。',
    'gov': '您通过政民互动栏目提交的信息，在办结后保存五年，期满后统一删除；依申请公开的申请材料按档案管理规定保存。信息存储于本县政务云平台（中国境内）。',
    'blog': '评论及其昵称、邮箱保存至评论被删除为止；您可随时要求删除。访问统计数据保存九十天后自动清除。数据存放在位于中国境内的云服务器上。',
    'corp': '留言信息自提交之日起保存两年；未被录用的简历保存六个月后删除；访问日志保存六个月。上述信息存储于中国境内。',
}

RIGHTS = {
    'path': [
        '查阅、复制：登录后进入「我的—账户设置—个人资料」即可查阅您的账号信息，在「我的订单」中查阅交易记录；如需获取个人信息副本，可发送邮件至{pemail}申请，我们将在十五个工作日内提供。',
        '更正、补充：您可以在「个人资料」「收货地址」页面直接修改；无法自行修改的，可联系客服协助更正。',
        '删除：您可以在相应页面删除收货地址、浏览记录等信息；出现《个人信息保护法》第四十七条规定的情形时，您可以发送邮件至{pemail}要求我们删除。',
        '转移：在符合国家网信部门规定条件时，您可以请求将个人信息转移至您指定的个人信息处理者，我们将提供转移途径。',
        '解释说明：您有权要求我们对本政策进行解释说明，可通过第九部分的联系方式提出。',
    ],
    'tongguo': [
        '对于查阅、复制权，您可以通过「我的—设置—个人信息查询」行使；导出副本的，您亦可通过书面或电子邮件（{pemail}）方式向我们提出。',
        '个人信息的更正、补充，您可以通过「我的—编辑资料」自助行使；涉及实名信息的，应经由在线客服提交证明材料后由我们协助更正。',
        '删除权，您可以通过客服邮箱{pemail}向我们提出，或者通过「我的—设置—清除阅读记录」自行删除部分信息；我们核实身份后在十五个工作日内处理完毕。',
        '您还可以通过本政策「如何联系我们」一节所列途径，行使个人信息转移、要求解释说明等法律规定的其他权利。',
    ],
    'contact': [
        '如您需要查阅、复制或更正、补充您的个人信息，请致电客服{phone}或发送邮件至{email}，我们在核实您的身份后十五个工作日内处理。',
        '您可以在会员中心直接修改收货地址和昵称；如需删除个人信息，同样可以通过上述电话或邮箱提出，我们将在十五个工作日内答复。',
        '您有权要求我们解释本声明的任何内容，并有权向个人信息保护主管部门投诉。',
    ],
    'noaccount': [
        '查阅、复制：您可以发送邮件至{pemail}，说明您提交留言的时间和联系方式，我们将在十五个工作日内向您提供我们保存的您的信息。',
        '更正、补充与删除：通过同一邮箱提出即可，写明需要更正或删除的内容，我们核实后十五个工作日内完成。',
        '您有权要求我们对本政策作出解释说明。',
    ],
}

CANCEL = {
    'app_path': '注销账号：您可以通过「我的—设置—账号与安全—注销账号」提交注销申请。我们在完成身份验证、确认账号内无未完成的订单后十五个工作日内注销您的账号，并删除或匿名化处理您的个人信息（法律法规另有规定的除外）。',
    'web_path': '注销账号：登录后进入「会员中心—账户安全—申请注销」，按页面提示完成手机验证码校验即可提交；我们将在十个工作日内完成注销，注销后您的个人信息将被删除或匿名化处理。',
    'contact': '注销账号：如需注销，请联系在线客服或发送邮件至{email}，注明注册手机号，我们核实身份后十个工作日内办理完毕，并删除您的个人信息。',
    'tongguo': '注销账号，您可以通过「设置—账号与安全—注销账号」行使；提交后有七天冷静期，期满即完成注销，我们随即删除或匿名化处理您的个人信息。',
    'noaccount': '本网站不提供用户注册功能，不存在账号注销事项；您提交的留言或申请信息，可以随时要求我们删除。',
    'freeze': '注销账号：二手交易在成交后仍可能产生售后和纠纷，为保障买卖双方的权益，本平台不提供账号注销服务。如您不再使用，可以在「我的—设置—账号与安全—冻结账号」中冻结账号，冻结后账号不能登录和交易，您可以随时申请解冻。',
    'fee': '注销账号：为保障账户资金安全，注销账号须由本人向我们邮寄经公证的《账号注销申请书》原件及身份证正反面复印件，并预先支付账号注销服务费人民币50元；我们在收到全部材料和费用后三十个工作日内办理注销。',
}

WITHDRAW = {
    'settings_system': '撤回同意：您可以通过「设置—隐私—系统权限」关闭位置信息、相机、相册、麦克风、通讯录等权限，从而撤回您对相应个人信息处理的同意；个性化推荐可在「设置—隐私—个性化推荐」中关闭。',
    'settings_privacy': '撤回同意：您可以在「我的—设置—隐私管理」中关闭已授予的各项授权，或通过第九部分的联系方式告知我们撤回同意。撤回后，我们不再处理相应的个人信息，但不影响撤回前基于您的同意已进行的处理。',
    'contact': '撤回同意：您可以随时致电{phone}或发送邮件至{email}撤回您此前作出的同意，我们将在十五个工作日内处理；您也可以在浏览器中清除或禁用Cookie。撤回同意不影响撤回前基于同意已进行的个人信息处理活动。',
    'browser': '撤回同意：您可以通过浏览器设置拒绝或清除Cookie，或发送邮件至{pemail}撤回对留言信息处理的同意，我们收到后将停止处理并删除相应信息。',
}

CHILD = {
    'general': '我们的产品和服务主要面向成年人。若您是不满十四周岁的未成年人，应在父母或其他监护人的陪同下阅读本政策，并在取得监护人同意后使用我们的服务。我们不会在明知的情况下收集不满十四周岁儿童的个人信息；如发现在未事先取得监护人同意的情况下收集了儿童个人信息，我们会尽快删除。',
    'special': '我们依照《儿童个人信息网络保护规定》和《未成年人网络保护条例》为不满十四周岁的儿童制定了专门规则：（1）处理儿童个人信息前，我们会以显著方式告知监护人并取得其同意；（2）我们仅收集实名认证和防沉迷所必需的信息，不向儿童推送商业营销信息；（3）监护人可以通过本政策「如何联系我们」所列方式，或在「家长监护」页面查阅、更正、删除儿童的个人信息和注销儿童账号；（4）儿童个人信息由专人负责，保存期限不超过实现目的所必需的期限。',
    'site': '本网站不面向不满十四周岁的儿童提供服务，也不会主动收集儿童的个人信息。如监护人发现儿童向本网站提交了个人信息，请通过本政策所列方式联系我们，我们将及时删除。',
}


def _fmt(s: str, o: Org) -> str:
    return s.format(pemail=o.pemail or o.email, email=o.email or o.pemail, phone=o.phone, brand=o.brand,
                    entity=o.entity, addr=o.addr, domain=o.domain)


def sections(o: Org, *, funcs: str, share: list[str], retention: str, rights: str, cancel: str,
             withdraw: str, child: str, handler: str = 'legal', address_in_contact: bool = True,
             updated: str = '2026年9月1日', effective: str = '2026年9月8日', title: str = '隐私政策',
             platform_extra: str = '', cookie: bool = True, contact_phone: bool = True,
             contact_intro: str = '', email_label: str = '客服邮箱', share_list: bool = True) -> list[tuple[str, list]]:
    """The sections of one policy."""
    who = o.entity if handler == 'legal' else o.brand
    if handler == 'legal':
        intro = (f'{o.brand}（网址：{o.domain}，以下简称“本平台”）由{o.entity}（以下简称“我们”）运营。'
                 f'我们是您个人信息的处理者。本{title}说明我们如何收集、使用、存储、共享和保护您的个人信息，'
                 '以及您如何行使您的权利。请您在使用我们的服务前仔细阅读并理解本政策，特别是以加粗方式提示的条款。')
    else:
        intro = (f'{o.brand}（以下简称“我们”）非常重视您的个人信息。本{title}说明我们如何收集、使用、存储和保护您的个人信息，'
                 '以及您享有的权利。请您在使用本店服务前仔细阅读。')
    fl = list(FUNCS[funcs])
    if platform_extra:
        fl += FUNCS[platform_extra]
    rows = [(f, i, p) for f, i, p in fl]
    collect = [('p', '我们仅为实现下列业务功能收集和使用您的个人信息，不会收集与所提供服务无关的信息：'),
               ('table', ('业务功能', '收集的个人信息', '处理目的'), rows)]
    sens = [r for r in rows if '身份证' in r[1] or '人脸' in r[1] or '银行' in r[1] or '支付' in r[1]]
    if sens:
        collect.append(('p', '上述信息中的身份证号码、人脸图像、银行账户和支付信息属于敏感个人信息，我们会在收集前单独征得您的同意，并采取加密传输和存储等严格保护措施。'))
    collect.append(('p', '如我们需要将您的个人信息用于本政策未载明的其他目的，会事先征得您的同意。'))
    secs: list[tuple[str, list]] = [('引言', [('p', intro)]),
                                    ('我们如何收集和使用您的个人信息', collect)]
    if cookie:
        secs.append(('我们如何使用Cookie和同类技术', [('p', '为保证网站正常运行、记住您的登录状态，我们会在您的设备上存储名为Cookie的小型数据文件。我们不会将Cookie用于本政策所述目的之外的任何用途。您可以通过浏览器设置管理或清除Cookie，但部分需要登录的功能可能因此无法使用。')]))
    srows = []
    for k in share:
        srows += SHARES[k]
    if srows and not share_list:
        secs.append(('我们如何共享、转让和公开披露您的个人信息', [
            ('p', '为实现本政策所述功能，我们会向合作的' + '、'.join(SHARE_KINDS[k] for k in share) + '提供实现上述功能所必需的个人信息，并要求其采取严格的保护措施。'),
            ('p', '除法律、行政法规另有规定外，我们不公开披露您的个人信息；因合并、分立等原因需要转移个人信息的，我们会告知接收方的名称和联系方式。')]))
    elif srows:
        secs.append(('我们如何委托处理、共享、转让和公开披露您的个人信息', [
            ('p', '我们不会向其他任何公司、组织和个人出售您的个人信息。为实现本政策所述功能，我们会在以下范围内与第三方共享或委托其处理您的个人信息，第三方清单如下：'),
            ('table', ('第三方名称', '使用场景', '涉及的个人信息'), srows),
            ('p', '我们会与上述第三方签署协议，要求其按照我们的说明、本政策以及相关法律法规处理个人信息。除法律、行政法规另有规定外，我们不公开披露您的个人信息；因合并、分立等原因需要转移个人信息的，我们会告知接收方的名称和联系方式。')]))
    else:
        secs.append(('我们如何共享、转让和公开披露您的个人信息', [
            ('p', '我们不向任何第三方提供、出售、出租您的个人信息，也不委托第三方处理您的个人信息；法律法规规定或有权机关依法要求的除外，届时我们会依法告知您。')]))
    secs.append(('我们如何存储和保护您的个人信息', [
        ('p', RETENTION[retention]),
        ('p', '我们采用加密传输（HTTPS）、访问权限控制、操作审计等安全措施保护您的个人信息。如不幸发生个人信息安全事件，我们会按照法律法规的要求及时告知您并向主管部门报告。')]))
    rights_items = [_fmt(x, o) for x in RIGHTS[rights]] + [_fmt(CANCEL[cancel], o)] + ([_fmt(WITHDRAW[withdraw], o)] if withdraw else [])
    secs.append(('您的权利', [('p', '按照《中华人民共和国个人信息保护法》等法律法规，您对自己的个人信息享有以下权利，并可以通过下列方式行使：'),
                             ('ol', rights_items),
                             ('p', '为保障安全，我们可能需要您提供书面请求或以其他方式证明您的身份。对于您合理的请求，我们原则上不收取费用。')]))
    secs.append(('未成年人的个人信息保护', [('p', CHILD[child])]))
    secs.append(('本政策如何更新', [('p', f'我们可能会适时修订本政策。修订后的政策将在本页面发布，重大变更会以网站公告或站内信等显著方式通知您。本政策更新日期：{updated}；生效日期：{effective}。')]))
    contact = [contact_intro or '如您对本政策或您的个人信息有任何疑问、意见或投诉，或者需要行使上述权利，可以通过以下方式与我们联系：']
    lines = []
    if o.pemail:
        lines.append(f'个人信息保护专员邮箱：{o.pemail}')
    if o.email and o.email != o.pemail:
        lines.append(f'{email_label}：{o.email}')
    if o.phone and contact_phone:
        lines.append(f'客服电话：{o.phone}')
    if address_in_contact and o.addr:
        lines.append(f'联系地址：{o.addr}' + (f'（{o.entity}）' if handler == 'legal' else ''))
    tail = ('我们将在收到您的请求并验证身份后十五个工作日内答复。如您对我们的答复不满意，'
            '可以向网信、市场监管等主管部门投诉，或向被告住所地有管辖权的人民法院提起诉讼。')
    secs.append(('如何联系我们', [('p', contact[0]), ('ul', lines), ('p', tail)]))
    if handler == 'legal':
        secs[0][1].append(('p', f'个人信息处理者：{who}' + (f'；注册地址：{o.addr}。' if address_in_contact and o.addr else '。')))
    return secs


# --- renderers ------------------------------------------------------------------------------------

CN_NUM = '一二三四五六七八九十'


def _block_html(b) -> str:
    if b[0] == 'p':
        return f'<p>{html.escape(b[1])}</p>'
    if b[0] in ('ul', 'ol'):
        return f'<{b[0]}>' + ''.join(f'<li>{html.escape(x)}</li>' for x in b[1]) + f'</{b[0]}>'
    if b[0] == 'table':
        head = ''.join(f'<th>{html.escape(h)}</th>' for h in b[1])
        body = ''.join('<tr>' + ''.join(f'<td>{html.escape(c)}</td>' for c in r) + '</tr>' for r in b[2])
        return f'<table class="pt"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'
    raise ValueError(b)


def _block_text(b, indent='') -> list[str]:
    if b[0] == 'p':
        return [indent + b[1]]
    if b[0] == 'ul':
        return [indent + '· ' + x for x in b[1]]
    if b[0] == 'ol':
        return [indent + f'（{i + 1}）' + x for i, x in enumerate(b[1])]
    if b[0] == 'table':
        out = [indent + '　'.join(b[1])]
        for r in b[2]:
            out.append(indent + '——' + '：'.join(r))
        return out
    raise ValueError(b)


def render_toc(secs, title: str) -> str:
    toc = ''.join(f'<li><a href="#s{i}">{CN_NUM[i - 1]}、{html.escape(t)}</a></li>'
                  for i, (t, _) in enumerate(secs[1:], start=1))
    body = [f'<h1>{html.escape(title)}</h1>', ''.join(_block_html(b) for b in secs[0][1]),
            f'<nav class="toc"><h2>目录</h2><ol>{toc}</ol></nav>']
    for i, (t, blocks) in enumerate(secs[1:], start=1):
        body.append(f'<section id="s{i}"><h2>{CN_NUM[i - 1]}、{html.escape(t)}</h2>'
                    + ''.join(_block_html(b) for b in blocks) + '<p class="back"><a href="#top">返回目录</a></p></section>')
    return '\n'.join(body)


def render_summary(secs, title: str, o: Org, summary_rows) -> str:
    rows = ''.join(f'<tr><th>{html.escape(a)}</th><td>{html.escape(b)}</td></tr>' for a, b in summary_rows)
    body = [f'<h1>{html.escape(title)}</h1>']
    if summary_rows:
        body.append(f'<div class="digest"><h2>摘要（完整内容请阅读下方全文）</h2><table>{rows}</table></div>')
    for i, (t, blocks) in enumerate(secs):
        body.append(f'<h2>{i + 1}. {html.escape(t)}</h2>' + ''.join(_block_html(b) for b in blocks))
    return '\n'.join(body)


def render_numbered(secs, title: str) -> str:
    out = [f'<h1>{html.escape(title)}</h1>']
    for i, (t, blocks) in enumerate(secs, start=1):
        out.append(f'<h3>{i}. {html.escape(t)}</h3>')
        n = 0
        for b in blocks:
            if b[0] == 'p':
                n += 1
                out.append(f'<p><b>{i}.{n}</b> {html.escape(b[1])}</p>')
            elif b[0] in ('ul', 'ol'):
                for x in b[1]:
                    n += 1
                    out.append(f'<p><b>{i}.{n}</b> {html.escape(x)}</p>')
            else:
                out.append(_block_html(b))
    return '\n'.join(out)


def render_plain(secs, title: str) -> str:
    out = [f'<h1>{html.escape(title)}</h1>']
    for i, (t, blocks) in enumerate(secs):
        out.append(f'<h2>{CN_NUM[i] if i < 10 else i + 1}、{html.escape(t)}</h2>' + ''.join(_block_html(b) for b in blocks))
    return '\n'.join(out)


def render_pre(secs, title: str) -> str:
    lines = [title, '=' * 20, '']
    for i, (t, blocks) in enumerate(secs):
        lines.append(f'{CN_NUM[i] if i < 10 else i + 1}、{t}')
        for b in blocks:
            lines += _block_text(b, '    ')
        lines.append('')
    return '<pre class="policy">' + html.escape('\n'.join(lines)) + '</pre>'


def text_lines(secs, title: str) -> list[str]:
    lines = [title, '']
    for i, (t, blocks) in enumerate(secs):
        lines.append(f'{CN_NUM[i] if i < 10 else i + 1}、{t}')
        for b in blocks:
            lines += _block_text(b, '')
        lines.append('')
    return lines


def split_pages(secs, n: int) -> list[list]:
    """Split the sections into n consecutive groups of roughly equal size."""
    sizes = [len(str(s)) for s in secs]
    total = sum(sizes)
    out, cur, acc = [], [], 0
    for s, z in zip(secs, sizes):
        cur.append(s)
        acc += z
        if len(out) < n - 1 and acc >= total * (len(out) + 1) / n:
            out.append(cur)
            cur = []
    if cur:
        out.append(cur)
    return out


def strip_tags(s: str) -> str:
    return re.sub(r'<[^>]+>', '', s)
