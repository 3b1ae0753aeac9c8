
/* Appended to Material's lunr.es by macros/hook.py: Spanish search that forgives accents and case.
 * Index side: every token is folded (á→a, ñ→n, ü→u) before lunr's trimmer and stemmer.
 * Query side: the lexer folds what the reader typed, and wildcard terms are stemmed (see below):
 * "riesgo" finds "riesgos", "especializado" finds "especializada", "escal" finds "escalación".
 * Typos: one edit in a word of five letters or more is forgiven (see correct below).
 * Ranking: see the note on Index.search below. */
(function (lunr) {
  "use strict";
  if (!lunr || !lunr.es || lunr.es.pbFolding) return;
  var fold = function (text) { return text.normalize("NFD").replace(/[\u0300-\u036f]/g, ""); };
  var trim = lunr.es.trimmer;
  var stem = lunr.es.stemmer;

  lunr.es.trimmer = function (token) {
    return trim(token.update(fold));
  };
  lunr.Pipeline.registerFunction(lunr.es.trimmer, "trimmer-es-folded");

  var run = lunr.QueryLexer.prototype.run;
  lunr.QueryLexer.prototype.run = function () {
    this.str = fold(this.str);
    this.length = this.str.length;
    return run.call(this);
  };

  // Material makes every typed term a trailing wildcard, which skips stemming: search the part the term
  // shares with its stem instead (a prefix of it, so nothing the wildcard found is lost),
  // e.g. "especializada" → "especializ*", "experiencia" → "experien*".
  var addClause = lunr.Query.prototype.clause;
  lunr.Query.prototype.clause = function (clause) {
    var prefix = clause.term.slice(0, -1);
    // Spanish stop words ("de", "la") are not in the index: searching them only makes Material
    // report them as missing on every result.
    if (clause.usePipeline === false && !lunr.es.stopWordFilter(new lunr.Token(prefix))) return this;
    if (clause.usePipeline === false && clause.term.indexOf("*") === prefix.length && prefix.length > 2) {
      var stemmed = stem(new lunr.Token(prefix)).toString();
      var common = 0;  // the stemmer can also rewrite an ending ("experiencia" → "experient")
      while (common < stemmed.length && stemmed[common] === prefix[common]) common++;
      if (common > 2) clause.term = prefix.slice(0, common) + "*";
    }
    return addClause.call(this, clause);
  };

  // A section whose title has every word typed (a technique's name) outranks pages and sections
  // that only mention some of them: lunr's title boost alone counts one matching word like all.
  // Typo tolerance: a typed word of five letters or more that starts no word of the index is replaced by
  // the first spelling one edit away (two letters swapped, one wrong, one missing, one too many) whose
  // stem is a word of the index: "defetuoso" → "defectuoso", "emergnecia" → "emergencia".
  var LETTERS = "abcdefghijklmnopqrstuvwxyz";
  var oneEditAway = function (word) {
    var out = [], i, c;
    for (i = 0; i < word.length - 1; i++) out.push(word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2));
    for (i = 0; i < word.length; i++) {
      for (c = 0; c < LETTERS.length; c++) out.push(word.slice(0, i) + LETTERS[c] + word.slice(i + 1));
    }
    for (i = 0; i < word.length; i++) out.push(word.slice(0, i) + word.slice(i + 1));
    for (i = 0; i <= word.length; i++) {
      for (c = 0; c < LETTERS.length; c++) out.push(word.slice(0, i) + LETTERS[c] + word.slice(i));
    }
    return out;
  };

  var correct = function (index, query) {
    var terms = index.pbTerms || (index.pbTerms = Object.keys(index.invertedIndex).sort());
    var startsSome = function (prefix) {
      var low = 0, high = terms.length;
      while (low < high) {
        var mid = (low + high) >> 1;
        if (terms[mid] < prefix) low = mid + 1; else high = mid;
      }
      return low < terms.length && terms[low].indexOf(prefix) === 0;
    };
    var stemOf = function (word) { return stem(new lunr.Token(word)).toString(); };
    return query.split(/\s+/).map(function (term) {
      var word = fold(term).toLowerCase().replace(/^[+-]/, "").replace(/[*~^\d]+$/, "");
      if (word.length < 5 || !/^[a-z]+$/.test(word)) return term;
      var stemmed = stemOf(word);
      var common = 0;  // what the wildcard clause below searches: the part the word shares with its stem
      while (common < stemmed.length && stemmed[common] === word[common]) common++;
      if (startsSome(word.slice(0, Math.max(common, 3)))) return term;
      var fixed = oneEditAway(word).find(function (spelling) {
        return Object.prototype.hasOwnProperty.call(index.invertedIndex, stemOf(spelling));
      });
      return fixed ? fixed + "*" : term;
    }).join(" ");
  };

  var search = lunr.Index.prototype.search;
  lunr.Index.prototype.search = function (query) {
    query = correct(this, query);
    var words = fold(query).split(/\s+/).filter(Boolean).length || 1;
    return search.call(this, query).map(function (result) {
      var metadata = result.matchData.metadata;
      var inTitle = Object.keys(metadata).filter(function (term) { return metadata[term].title; }).length;
      var share = Math.min(1, inTitle / words);
      // Material then boosts whole pages 2.5× over their sections; a technique (a section) must be
      // able to come first in its page's group, or Material folds it under "N más en esta página".
      var section = result.ref.indexOf("#") !== -1 ? 3 : 1;
      result.score *= section * (1 + 4 * share * share);
      return result;
    }).sort(function (a, b) { return b.score - a.score; });
  };

  lunr.es.pbFolding = true;
})(self.lunr);
