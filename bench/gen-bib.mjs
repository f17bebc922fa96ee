// A deterministic BibTeX library of N entries (default 5,000) for the citation bench:
// articles, books and conference papers with LaTeX accents, braces and abstracts, as a
// Zotero + Better BibTeX export looks. `node bench/gen-bib.mjs 5000 > lib.bib`
const SURNAMES = ['Vaswani', 'Devlin', 'Radford', 'Sch{\\"o}lkopf', 'Bengio', 'Hinton', 'LeCun', 'Sutton', 'Goodfellow', 'M{\\"u}ller', 'Kingma', 'Ba', 'Hochreiter', 'Schmidhuber', 'Karpathy', 'Olah'];
const GIVEN = ['Ashish', 'Jacob', 'Alec', 'Bernhard', 'Yoshua', 'Geoffrey', 'Yann', 'Richard', 'Ian', 'Klaus-Robert', 'Diederik', 'Jimmy'];
const WORDS = ['attention', 'learning', 'neural', 'networks', 'deep', 'representations', 'language', 'models', 'scaling', 'laws', 'gradient', 'descent', 'memory', 'transformers', 'sparse', 'kernels'];

export function generateBib(n) {
  let seed = 1;
  const rand = (k) => ((seed = (seed * 1103515245 + 12345) % 2147483648), seed % k);
  const out = [];
  for (let i = 0; i < n; i++) {
    const authors = [];
    for (let a = 0, count = 1 + rand(4); a < count; a++) authors.push(`${SURNAMES[rand(SURNAMES.length)]}, ${GIVEN[rand(GIVEN.length)]}`);
    const title = Array.from({ length: 4 + rand(6) }, () => WORDS[rand(WORDS.length)]).join(' ');
    const year = 1990 + rand(36);
    const key = `${authors[0].split(',')[0].replace(/[^A-Za-z]/g, '').toLowerCase()}${year}${WORDS[rand(WORDS.length)]}${i}`;
    const type = ['article', 'book', 'inproceedings'][i % 3];
    const venue = type === 'article' ? `  journal = {Journal of ${WORDS[rand(16)]} {Research}},\n  volume = {${1 + rand(40)}},\n  pages = {${1 + rand(200)}--${201 + rand(200)}},\n` : type === 'book' ? `  publisher = {{MIT} Press},\n  address = {Cambridge, MA},\n` : `  booktitle = {Advances in Neural Information Processing Systems},\n`;
    out.push(`@${type}{${key},\n  title = {{${title[0].toUpperCase()}${title.slice(1)}}},\n  author = {${authors.join(' and ')}},\n  year = {${year}},\n${venue}  doi = {10.${1000 + rand(9000)}/${key}},\n  abstract = {We study ${title}. ${WORDS[rand(16)]} and ${WORDS[rand(16)]} are compared on ${1 + rand(9)} tasks.},\n}\n`);
  }
  return out.join('\n');
}

if (process.argv[1]?.endsWith("gen-bib.mjs")) process.stdout.write(generateBib(Number(process.argv[2] ?? 5000)));
