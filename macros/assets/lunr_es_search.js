/* Appended to Material's lunr.es by macros/plugin.py, after `self.pbSearch` (macros/search_data.py): Spanish
 * search that forgives accents, case, plurals and typos, and understands a customer's everyday words.
 *
 * Index side: every token is folded (á→a, ñ→n, ü→u) before lunr's trimmer and stemmer.
 * Query side (lunr.Index.prototype.search below), word by word, from what Material hands the index:
 *   - Spanish stop words are dropped; "neutral" words ("cliente", "quiere") are searched only when the query
 *     has nothing else, so they never decide the ranking alone;
 *   - a word, or a phrase of several ("echa chispas", "no funca"), of the thesaurus adds the playbook's words
 *     for its concept, each weighing less than a word typed as it is;
 *   - a word the index does not have, that is neither in the thesaurus nor Spanish (pbSearch.lexicon), is
 *     corrected to a spelling one edit away (two letters swapped, one wrong, missing or extra) that the index or
 *     the thesaurus has: "defetuoso" → "defectuoso". A real word is never "corrected" into another;
 *   - each word is searched by its stem ("especializada" finds "especializado"); the word being typed also as
 *     the start of a longer one ("escal" finds "escalación").
 * Ranking: lunr's (a title weighs a thousand times its text: a technique named by the words typed comes first);
 * then a technique's own section outranks other sections (a type's "Cuándo usarlo"). Material then marks each
 * typed word found or missing (its "Falta:"): a word understood through the thesaurus or a correction is never
 * missing. */
(function (lunr, data) {
  "use strict";
  if (!lunr || !lunr.es || lunr.es.pbSearch) return;
  data = data || { groups: [], neutral: [], techniques: [], lexicon: null };
  var fold = function (text) { return text.normalize("NFD").replace(/[\u0300-\u036f]/g, ""); };
  var trim = lunr.es.trimmer;
  var stem = lunr.es.stemmer;
  var stop = lunr.es.stopWordFilter;

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

  var EXPANDED = 0.4;  // the weight of the thesaurus' words, against 1 for a word typed as it is
  var IN_PHRASE = 0.3;  // a word of the index typed in a phrase of the thesaurus ("no me responden"): the
  // phrase's meaning says more than the word alone
  var TECHNIQUE = 2;  // a technique's own section, against any other section
  var SECTION = 3;  // Material then boosts whole pages 2.5× over their sections: a technique must be able to
  // come first in its page's group, or Material folds it under "N más en esta página"

  var has = function (object, key) { return Object.prototype.hasOwnProperty.call(object, key); };
  var stemOf = function (word) { return stem(new lunr.Token(word)).toString(); };
  var isStopWord = function (word) { return !stop(new lunr.Token(word)); };
  var tokens = function (text) { return fold(text).toLowerCase().split(/[^a-z0-9]+/).filter(Boolean); };
  // The stemmer keeps superlatives whole: "indignadísimo" is matched as "indignado", "lentísima" as "lenta".
  var baseOf = function (token) { return token.length > 7 ? token.replace(/isim([oa]s?)$/, "$1") : token; };

  var neutral = Object.create(null);
  data.neutral.forEach(function (word) { tokens(word).forEach(function (t) { neutral[t] = true; }); });
  var techniques = Object.create(null);
  data.techniques.forEach(function (anchor) { techniques[anchor] = true; });

  // The thesaurus' phrases by the stem of their first word; a concept's playbook words as index terms.
  var phrases = Object.create(null);
  var concepts = data.groups.map(function (group) {
    var means = [];
    group.means.forEach(function (text) {
      tokens(text).forEach(function (t) {
        if (!isStopWord(t) && means.indexOf(stemOf(t)) === -1) means.push(stemOf(t));
      });
    });
    return means;
  });
  data.groups.forEach(function (group, concept) {
    group.words.forEach(function (text) {
      var stems = tokens(text).map(baseOf).map(stemOf);
      if (!stems.length) return;
      (phrases[stems[0]] = phrases[stems[0]] || []).push({ stems: stems, concept: concept });
    });
  });
  Object.keys(phrases).forEach(function (first) {
    phrases[first].sort(function (a, b) { return b.stems.length - a.stems.length; });
  });
  var conceptsAt = function (stems, at) {  // the concepts of the longest phrases starting at `at`
    var found = [], length = 0;
    (phrases[stems[at]] || []).forEach(function (phrase) {
      if (phrase.stems.length < length || at + phrase.stems.length > stems.length) return;
      for (var i = 1; i < phrase.stems.length; i++) if (phrase.stems[i] !== stems[at + i]) return;
      length = phrase.stems.length;
      if (found.indexOf(phrase.concept) === -1) found.push(phrase.concept);
    });
    return { concepts: found, length: length };
  };

  // Spanish words (a Bloom filter of the language's lexicon, written by macros/search_data.py): a word that is
  // one of them is never corrected into another.
  var lexicon = data.lexicon;
  var bits = lexicon ? Uint8Array.from(atob(lexicon.bits), function (c) { return c.charCodeAt(0); }) : null;
  var fnv = function (word, seed) {
    var hash = seed;
    for (var i = 0; i < word.length; i++) hash = Math.imul(hash ^ word.charCodeAt(i), 16777619) >>> 0;
    return hash;
  };
  var inLexicon = function (word) {
    if (!bits) return false;
    var first = fnv(word, 2166136261), second = fnv(word, 3323198485) | 1;
    for (var i = 0; i < lexicon.hashes; i++) {
      var bit = ((first + Math.imul(i, second)) >>> 0) % lexicon.size;
      if (!(bits[bit >> 3] & (1 << (bit & 7)))) return false;
    }
    return true;
  };
  var isSpanish = function (word) {
    return inLexicon(word) || (/s$/.test(word) && inLexicon(word.slice(0, -1))) ||
      (/es$/.test(word) && inLexicon(word.slice(0, -2)));
  };

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

  var startsSome = function (index, prefix) {
    var terms = index.pbTerms || (index.pbTerms = Object.keys(index.invertedIndex).sort());
    var low = 0, high = terms.length;
    while (low < high) {
      var mid = (low + high) >> 1;
      if (terms[mid] < prefix) low = mid + 1; else high = mid;
    }
    return low < terms.length && terms[low].indexOf(prefix) === 0;
  };

  /* What the query asks for: each typed word (`key`: as Material names it) with the terms searched for it, and
   * the clauses to search. A term is an index term (a stem), or a prefix of some for the word being typed. */
  var understand = function (index, query) {
    var words = [];
    query.split(/\s+/).forEach(function (term) {
      var key = fold(term).toLowerCase().replace(/^[+-]+/, "").replace(/[*~^\d]+$/, "").replace(/^\*/, "");
      tokens(key).forEach(function (token) {
        words.push({ key: key, token: token, prohibited: term.charAt(0) === "-", terms: [], understood: false });
      });
    });
    var stems = words.map(function (word) { return stemOf(baseOf(word.token)); });
    var clauses = Object.create(null);  // "term" or "prefix*" → its clause
    var ask = function (word, term, weight, typed) {
      if (word.terms.indexOf(term) === -1) word.terms.push(term);
      var clause = clauses[term] || (clauses[term] = { term: term, boost: 0, typed: false });
      clause.boost = Math.max(clause.boost, weight);
      clause.typed = clause.typed || typed;
    };
    var expand = function (word, concept) {
      word.understood = true;
      var weight = EXPANDED / Math.sqrt(concepts[concept].length);
      concepts[concept].forEach(function (term) { ask(word, term, weight, false); });
    };
    words.forEach(function (word, at) {
      var found = conceptsAt(stems, at);
      for (var i = at; i < at + found.length; i++) {
        found.concepts.forEach(function (concept) { expand(words[i], concept); });
        if (found.length > 1) words[i].inPhrase = true;
      }
    });
    var typing = words[words.length - 1];
    var meaningful = words.filter(function (word) {
      return !word.prohibited && !isStopWord(word.token) && !neutral[word.token];
    });
    meaningful.forEach(function (word) {
      var weight = word.inPhrase ? IN_PHRASE : 1;
      // A word of the index, found by its stem ("especializada" finds "especializado"), never by a prefix of it:
      // "hora" is not "hor…ario", nor "caro" "car…acterísticas".
      var stemmed = stems[words.indexOf(word)];
      if (has(index.invertedIndex, stemmed)) {
        word.exact = word.understood = true;
        ask(word, stemmed, weight, true);
      }
      // The word being typed may be the start of a longer one: "escal" → "escalación".
      if (word === typing && !word.exact && startsSome(index, word.token)) {
        word.exact = word.understood = true;
        ask(word, word.token + "*", weight, true);
      }
      if (word.understood || word.token.length < 5 || !/^[a-z]+$/.test(word.token) || isSpanish(word.token)) return;
      oneEditAway(word.token).some(function (spelling) {
        var corrected = stemOf(spelling);
        if (has(index.invertedIndex, corrected)) {
          word.understood = true;
          ask(word, corrected, 1, true);
        } else {
          conceptsAt([corrected], 0).concepts.forEach(function (concept) { expand(word, concept); });
        }
        return word.understood;
      });
    });
    // Neutral words are searched only when the query has nothing else.
    var neutrals = words.filter(function (word) { return neutral[word.token] && !word.prohibited; });
    neutrals.forEach(function (word) {
      word.understood = true;
      var stemmed = stemOf(word.token);
      if (!meaningful.length) ask(word, has(index.invertedIndex, stemmed) ? stemmed : word.token + "*", 1, true);
    });
    var prohibited = words.filter(function (word) { return word.prohibited; }).map(function (word) {
      return { term: stemOf(word.token), boost: 1, typed: true, presence: lunr.Query.presence.PROHIBITED };
    });
    return {
      words: meaningful.length ? meaningful : neutrals,
      clauses: Object.keys(clauses).map(function (term) { return clauses[term]; }).concat(prohibited),
      understood: words.filter(function (word) { return word.understood || isStopWord(word.token); })
        .map(function (word) { return word.key; }),
    };
  };

  // Whether a term the index matched is one a word asked for.
  var matches = function (matched, term) {
    return term.charAt(term.length - 1) === "*" ? matched.indexOf(term.slice(0, -1)) === 0 : matched === term;
  };

  // Material reports a typed word as missing from a result ("Falta:") when it is not a stop word by
  // lunr.stopWordFilter, which it reads for nothing else: a word understood through the thesaurus or a
  // correction is not missing anywhere, and neither are the neutral ones.
  var understood = Object.create(null);
  var english = lunr.stopWordFilter;
  lunr.stopWordFilter = function (token) {
    return understood[String(token)] ? undefined : english(token);
  };

  lunr.Index.prototype.search = function (query) {
    var index = this, plan = understand(this, query);
    understood = Object.create(null);
    plan.understood.forEach(function (key) { understood[key] = true; });
    var found = plan.clauses.some(function (c) { return c.presence !== lunr.Query.presence.PROHIBITED; })
      ? this.query(function (builder) {
        plan.clauses.forEach(function (clause) {
          var prefix = clause.term.charAt(clause.term.length - 1) === "*";
          // A title weighs a thousand times its text in Material's index: the thesaurus' words are looked
          // for in the text only, or one of them in a title ("solución") would outrank everything typed.
          builder.term(prefix ? clause.term.slice(0, -1) : clause.term, {
            boost: clause.boost, presence: clause.presence || lunr.Query.presence.OPTIONAL, usePipeline: false,
            wildcard: prefix ? lunr.Query.wildcard.TRAILING : lunr.Query.wildcard.NONE,
            fields: clause.typed ? index.fields : ["text"],
          });
        });
      })
      : [];
    var results = found.map(function (result) {
      var metadata = result.matchData.metadata, terms = Object.keys(metadata);
      plan.words.forEach(function (word) {
        // Material marks a typed word found when a matched term starts with it: a word matched through its
        // stem, the thesaurus or a correction is named too (no positions: nothing more is highlighted).
        var found = terms.some(function (term) {
          return word.terms.some(function (asked) { return matches(term, asked); });
        });
        if (found && !(word.key in metadata)) metadata[word.key] = {};
      });
      var anchor = result.ref.split("#")[1];
      result.score *= anchor === undefined ? 1 : SECTION * (techniques[anchor] ? TECHNIQUE : 1);
      return result;
    }).sort(function (a, b) { return b.score - a.score; });
    return techniquesFirst(results);
  };

  // Material shows, of each page, its best section and folds the others away ("N más en esta página"): on a
  // page where a technique matches, no other section (a type's "Cuándo usarlo") may outrank it, even after
  // Material's own boost (at most 2× for a section that has every typed word).
  var techniquesFirst = function (results) {
    var best = Object.create(null);
    results.forEach(function (result) {
      var parts = result.ref.split("#");
      if (parts.length > 1 && techniques[parts[1]] && !(parts[0] in best)) best[parts[0]] = result.score;
    });
    results.forEach(function (result) {
      var parts = result.ref.split("#");
      if (parts.length > 1 && !techniques[parts[1]] && parts[0] in best) {
        result.score = Math.min(result.score, best[parts[0]] * 0.45);
      }
    });
    return results.sort(function (a, b) { return b.score - a.score; });
  };

  lunr.es.pbSearch = true;
})(self.lunr, self.pbSearch);
