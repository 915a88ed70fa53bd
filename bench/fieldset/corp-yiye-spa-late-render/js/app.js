fetch('/api/page.json').then(function(r){return r.json();}).then(function(d){setTimeout(function(){
 var b='<div class="hero"><h1>'+d.hero+'</h1></div><div class="sec">'+d.blocks.map(function(x){return '<div><b>'+x[0]+'</b><br>'+x[1]+'</div>';}).join('')+'</div>';
 var f=d.footer;b+='<div class="cf"><p>'+f.links.map(function(l){return '<a href="'+l.h+'">'+l.t+'</a>';}).join('')+'</p><p>'+f.company+'</p>'+
 '<p><a href="https://beian.miit.gov.cn/">'+f.icp+'</a>　<a href="https://beian.mps.gov.cn/#/query/webSearch?code='+f.psb+'">粤公网安备'+f.psb+'号</a></p></div>';
 document.getElementById('root').innerHTML=b;},800);});
