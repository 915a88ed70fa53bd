(function(){
  function wait(ms){return new Promise(function(r){setTimeout(r,ms);});}
  fetch('/api/site.json').then(function(r){return r.json();}).then(function(d){return wait(500).then(function(){return d;});})
  .then(function(d){
    var f=document.getElementById('footer');
    var links=d.links.map(function(l){return '<a href="'+l.href+'">'+l.text+'</a>';}).join(' | ');
    f.innerHTML='<p>'+links+'</p><p>'+d.service+'</p><p>'+d.company+'</p>'+
      '<p><a href="https://beian.miit.gov.cn/" target="_blank">'+d.icp+'</a>　'+d.licence+'　'+
      '<a href="https://beian.mps.gov.cn/#/query/webSearch?code='+d.psbCode+'" target="_blank"><img src="/img/beian.png" style="width:16px;vertical-align:-3px" alt="">'+d.psb+'</a></p>'+
      '<p>'+d.copyright+'</p>';
  });
})();
