(function(){
var app=document.getElementById('app');
function esc(s){return s}
function footer(d){var f=d.footer;var l=f.links.map(function(x){return '<a href="'+x[1]+'">'+x[0]+'</a>'}).join(' | ');
return '<footer class="ft"><p>'+l+'</p>'+f.lines.map(function(x){return '<p>'+x+'</p>'}).join('')+
'<p><a href="https://beian.miit.gov.cn/" target="_blank">'+f.icp+'</a>　<a href="https://beian.mps.gov.cn/#/query/webSearch?code='+f.psb+'" target="_blank"><img src="/img/ga.png" width="14" alt="">鄂公网安备'+f.psb+'号</a></p></footer>'}
function home(d){var g=d.goods.map(function(x){return '<div class="card"><div class="pic"></div><h4>'+x[0]+'</h4><p>'+x[1]+'</p><b>'+x[2]+'</b></div>'}).join('');
return '<div class="hd"><span class="logo">'+d.brand+'</span><nav><a href="#/">首页</a><a href="#/help">帮助</a><a href="#/contact">联系</a></nav></div><div class="hero">卡熊小铺 · 卡密秒发</div><div class="wrap"><div class="sec"><h2>全部商品</h2><div class="cards">'+g+'</div></div><div class="sec"><h2>再来一遍</h2><div class="cards">'+g+'</div></div></div>'}
function view(d,name){return '<div class="hd"><span class="logo">'+d.brand+'</span><nav><a href="#/">返回首页</a></nav></div><div class="paper">'+d.views[name]+'</div>'}
function render(d){var r=(location.hash||'#/').replace('#/','');
app.innerHTML=(d.views[r]?view(d,r):home(d))+footer(d);window.scrollTo(0,0)}
fetch('/data/site.json').then(function(r){return r.json()}).then(function(d){
setTimeout(function(){render(d)},350);window.addEventListener('hashchange',function(){render(d)})});
})();