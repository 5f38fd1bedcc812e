import { loadLanguageModel } from './dist/scoring/language-model.js';
import { createRequire } from 'node:module';
import fs from 'node:fs'; import path from 'node:path'; import YAML from 'yaml';
const require = createRequire(import.meta.url);
const texts = ['constructor toString __proto__ hasOwnProperty valueOf prototype length',
  "The answer isn't wrong, but it doesn't cite the guideline; it can't be rated Highly Meets.",
  'Qwertyzzle frobnicates the snarkiest blorps, and the blorps were frobnicated twice.',
  'Never say never: no, not, none, nobody, neither, nor, without.',
  'Rated 4/5 on 2026-12-06 at 13:45 — €20, 50%, #tag, @user, https://example.com/a?b=1, a.b@c.de 🙂',
  'ÉCOLE über naïve façade Ångström; 東京 and Ελληνικά too.',
  'Lemmas: was, were, better, best, children, mice, ran, running, studies, studied.'];
const collect = (v) => { if (typeof v === 'string') texts.push(v); else if (Array.isArray(v)) v.forEach(collect); else if (v && typeof v === 'object') Object.values(v).forEach(collect); };
const walk = (d) => { for (const e of fs.readdirSync(d, { withFileTypes: true })) { const f = path.join(d, e.name); if (e.isDirectory()) walk(f); else if (f.endsWith('.yaml')) collect(YAML.parse(fs.readFileSync(f, 'utf8'))); } };
walk('guidelines'); walk('question-banks');
const stock = () => require('wink-nlp')(require('wink-eng-lite-web-model'), ['sbd','pos']);
const an = (nlp, t) => { const doc = nlp.readDoc(t); const its = nlp.its; return JSON.stringify(doc.tokens().out().map((_, i) => { const tk = doc.tokens().itemAt(i); const n = tk.out(its.normal); return [n, tk.out(its.lemma), tk.out(its.pos), doc.isOOV(n)]; })); };
const w = process.argv[2];
const nlp = w === "stock" ? stock() : loadLanguageModel();
fs.writeFileSync(`/tmp/an-${w}.txt`, texts.map((t) => an(nlp, t)).join('\n'));
const again = texts.map((t) => an(nlp, t));
const first = fs.readFileSync(`/tmp/an-${w}.txt`, 'utf8').split('\n');
console.log(w, 'second round differs at', again.findIndex((x, i) => x !== first[i]));
