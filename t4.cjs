const fs = require('fs'); const path = require('path');
const T = (l, f) => { const t = performance.now(); const r = f(); console.log(l, (performance.now() - t).toFixed(1)); return r; };
const dir = path.dirname(require.resolve('wink-eng-lite-web-model/package.json')) + '/dist';
const winkNLP = T('wink-nlp', () => require('wink-nlp'));
const raw = T('read+parse core json', () => JSON.parse(fs.readFileSync(dir + '/languages/cur/models/eng-core-web-model.json', 'utf8')));
console.log('lexicon b64 len', raw.lexicon.length, 'xp', raw.xpansions.length, 'lexeme list', raw.features.lexeme.list.length);
for (const f in raw.features) console.log('  feature', f, raw.features[f].list?.length);
const u32 = (b64) => { const b = Buffer.from(b64, 'base64'); const a = new Uint32Array(b.length / 4); new Uint8Array(a.buffer).set(b); return a; };
T('decode', () => { raw.lexicon = u32(raw.lexicon); raw.xpansions = u32(raw.xpansions); });
T('hashes', () => {
  const featuresData = raw.features, packing = raw.packing;
  for (const f in packing.layout) if (packing.layout[f][3] === 0) { featuresData[f].hash = Object.create(null); for (let k = 0; k < featuresData[f].list.length; k++) featuresData[f].hash[featuresData[f].list[k]] = k; }
  featuresData.lexeme.hash = Object.create(null); for (let k = 0; k < featuresData.lexeme.list.length; k++) featuresData.lexeme.hash[featuresData.lexeme.list[k]] = k;
  const clusters = featuresData.posClusters.list; for (let k = 0; k < clusters.length; k++) clusters[k] = new Set(clusters[k].split('_').map((e) => raw.pos.hash[e] || 0));
});
const others = T('require rest', () => ({ sbd: require(dir + '/load-sbd-model.js'), pos: require(dir + '/load-pos-model.js'), neg: require(dir + '/load-negation-model.js'), feat: require(dir + '/feature.js'), stem: require(dir + '/porter-stemmer.js'), lem: require(dir + '/lemmatize.js'), rs: require(dir + '/readability-stats.js') }));
const ner = T('ner', () => require(dir + '/load-ner-model.js'));
const sa = T('sa', () => require(dir + '/load-sa-model.js'));
const cer = T('cer', () => require(dir + '/load-cer-meta-model.js'));
