// Footer data as a single-page shop ships it: in the script bundle, rendered after a timer.
var SITE = {
  company: "深圳山茶花茶业有限公司",
  uscc: "91440300MA5GB2C455",
  phone: "0755-26881234",
  complaint: "0755-26881235",
  address: "广东省深圳市南山区科技园南区8栋201室",
  icp: "粤ICP备2024056789号-1",
  psb: "44030502001234"
};
setTimeout(function () {
  var f = document.getElementById("app-footer");
  f.innerHTML =
    '<div><a href="/about.html">关于我们</a>|<a href="/contact.html">联系我们</a>|<a href="/privacy.html">隐私政策</a>|' +
    '<a href="https://zzlz.gsxt.gov.cn/businessCheck/verifKey.do?showType=p&serial=' + SITE.uscc + '">电子营业执照</a></div>' +
    '<div>' + SITE.company + '　统一社会信用代码：' + SITE.uscc + '</div>' +
    '<div>客服电话：' + SITE.phone + '　投诉电话：' + SITE.complaint + '</div>' +
    '<div>地址：' + SITE.address + '</div>' +
    '<div><a href="https://beian.miit.gov.cn/">' + SITE.icp + '</a> ' +
    '<a href="https://beian.mps.gov.cn/#/query/webSearch?code=' + SITE.psb + '">粤公网安备' + SITE.psb + '号</a></div>';
}, 600);
