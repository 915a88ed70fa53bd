customElements.define("site-footer", class extends HTMLElement {
  connectedCallback() {
    const root = this.attachShadow({ mode: "open" });
    root.innerHTML =
      '<style>footer{text-align:center;font-size:13px;line-height:2;padding:20px;background:#f8fafc}a{color:#444}</style>' +
      '<footer><div>北京北斗资讯传媒有限公司 版权所有</div>' +
      '<div><a href="https://beian.miit.gov.cn/">京ICP备2021076543号-1</a></div></footer>';
  }
});
setTimeout(function () {
  document.getElementById("psb").innerHTML =
    '<a href="https://beian.mps.gov.cn/#/query/webSearch?code=11010502034567">京公网安备11010502034567号</a>';
}, 2500);
