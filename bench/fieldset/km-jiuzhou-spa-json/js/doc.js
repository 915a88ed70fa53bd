(function(){
  var el=document.getElementById('doc');
  fetch(el.getAttribute('data-src')).then(function(r){return r.json();})
  .then(function(d){setTimeout(function(){document.title=d.title+' - 九州卡盟';el.innerHTML=d.html;},600);});
})();
