setTimeout(function(){},0);fetch('/data/footer.json').then(function(r){return r.json();}).then(function(d){
 setTimeout(function(){
  var h='<p>'+d.links.map(function(l){return '<a href="'+l.href+'">'+l.text+'</a>';}).join('')+'</p>';
  h+='<p>'+d.report+'　<a href="https://www.12377.cn/">12377举报中心</a></p><p>'+d.licence+'　'+d.company+'</p>';
  h+='<p><a href="https://beian.miit.gov.cn/">'+d.icp+'</a>　<a href="https://beian.mps.gov.cn/#/query/webSearch?code='+d.psb+'">浙公网安备'+d.psb+'号</a></p>';
  document.getElementById('foot').innerHTML=h;
 }, 400);
});
