// Corpus converters for NER training (declared in models/ner_trainer.h).
#include <algorithm>
#include <cctype>
#include <string>

#include "base/strings.h"
#include "document/conll2003.h"
#include "document/conllu.h"
#include "models/ner_features.h"
#include "models/ner_trainer.h"

namespace newsgraph::models {
namespace {

bool In(const std::string& w, std::initializer_list<std::string_view> list) {
  return std::find(list.begin(), list.end(), w) != list.end();
}

std::string Join(const std::vector<std::string>& forms, size_t begin, size_t end) {
  std::string out;
  for (size_t i = begin; i < end; ++i) {
    if (i > begin) out.push_back(' ');
    out += forms[i];
  }
  return out;
}

bool IsDemonym(const std::string& text, const kb::Gazetteer& gaz) {
  for (const kb::GazetteerEntry* e : gaz.Lookup(text)) {
    if (e->type == kb::EntryType::kDemonym) return true;
  }
  return false;
}

std::string ClassifyMisc(const std::vector<std::string>& forms, const kb::Gazetteer& gaz) {
  if (IsDemonym(Join(forms, 0, forms.size()), gaz)) return "NORP";
  for (const std::string& f : forms) {
    if (In(base::AsciiLower(f), {"war", "olympics", "games", "cup", "championship", "championships", "festival", "election",
                      "elections", "revolution", "battle", "summit", "tournament", "crisis", "prix", "conference",
                      "expo", "marathon", "massacre", "uprising", "bowl", "league"})) {
      return "EVENT";
    }
  }
  return "MISC";
}

void Relabel(std::vector<std::string>& tags, size_t begin, size_t end, const std::string& type) {
  for (size_t i = begin; i < end; ++i) tags[i] = (i == begin ? "B-" : "I-") + type;
}

}  // namespace

std::string ClassifyPlace(const std::vector<std::string>& forms, const kb::Gazetteer& gaz) {
  if (forms.empty()) return "GPE";
  for (const kb::GazetteerEntry* e : gaz.Lookup(Join(forms, 0, forms.size()))) {
    if (e->type == kb::EntryType::kCountry || e->type == kb::EntryType::kAdmin1 || e->type == kb::EntryType::kCity) {
      return "GPE";
    }
  }
  std::string last = base::AsciiLower(forms.back()), first = base::AsciiLower(forms.front());
  if (In(last, {"airport", "cosmodrome", "spaceport", "station", "bridge", "stadium", "hospital", "building",
                "tower", "towers", "palace", "museum", "street", "avenue", "road", "square", "highway", "hall",
                "church", "cathedral", "temple", "mosque", "prison", "base", "centre", "center", "library", "hotel",
                "theatre", "theater", "arena", "house", "embassy", "canal", "dam", "tunnel", "gate", "mall",
                "castle", "abbey", "monument", "memorial", "airfield", "port", "terminal", "plant", "kremlin"})) {
    return "FAC";
  }
  if (In(last, {"river", "mountain", "mountains", "lake", "ocean", "sea", "island", "islands", "valley", "desert",
                "gulf", "bay", "peninsula", "coast", "forest", "park", "region", "basin", "strait", "canyon",
                "plain", "plains", "hills", "hill", "glacier", "falls", "alps", "europe", "asia", "africa",
                "america", "antarctica", "arctic", "pacific", "atlantic", "mediterranean", "balkans", "caribbean",
                "sahara", "east", "west", "north", "south", "riviera", "creek", "reef", "beach"}) ||
      In(first, {"mount", "lake", "mt.", "cape", "gulf", "isle"})) {
    return "LOC";
  }
  return "GPE";
}

std::vector<NerSentence> ConllDocsToSentences(const std::vector<document::Document>& docs,
                                              const kb::Gazetteer& gaz) {
  std::vector<NerSentence> out;
  for (size_t d = 0; d < docs.size(); ++d) {
    const document::Document& doc = docs[d];
    std::vector<std::string> gold = document::Conll2003GoldTags(doc);
    for (const document::Sentence& s : doc.sentences) {
      NerSentence ns;
      ns.doc = static_cast<int>(d);
      for (uint32_t i = s.token_begin; i < s.token_end; ++i) {
        ns.forms.push_back(doc.tokens[i].form);
        ns.tags.push_back(gold[i]);
      }
      for (size_t i = 0; i < ns.tags.size();) {
        if (ns.tags[i][0] != 'B') {
          ++i;
          continue;
        }
        std::string type = ns.tags[i].substr(2);
        size_t j = i + 1;
        while (j < ns.tags.size() && ns.tags[j] == "I-" + type) ++j;
        std::vector<std::string> span(ns.forms.begin() + i, ns.forms.begin() + j);
        std::string fine = type == "PER" ? "PERSON" : type == "ORG" ? "ORG"
                           : type == "LOC" ? ClassifyPlace(span, gaz) : ClassifyMisc(span, gaz);
        Relabel(ns.tags, i, j, fine);
        i = j;
      }
      out.push_back(std::move(ns));
    }
  }
  return out;
}

namespace {

struct Mention {
  size_t begin = 0, end = 0;  // token indices in the sentence
  size_t head = 0;
  std::string etype;
  bool identity = false;
};

// Parses one token's Entity= value, opening and closing mentions.
void ParseEntityField(std::string_view value, size_t token, std::vector<std::pair<std::string, Mention>>& open,
                      std::vector<Mention>& done) {
  size_t p = 0;
  while (p < value.size()) {
    if (value[p] == '(') {
      size_t q = value.find_first_of("()", p + 1);
      std::string_view body = value.substr(p + 1, (q == std::string_view::npos ? value.size() : q) - p - 1);
      std::vector<std::string_view> f;  // ID-etype-infstat-salience-centering-minspan-link-identity
      size_t s = 0;
      while (f.size() < 7 && s != std::string_view::npos) {
        size_t dash = body.find('-', s);
        f.push_back(body.substr(s, dash == std::string_view::npos ? std::string_view::npos : dash - s));
        s = dash == std::string_view::npos ? dash : dash + 1;
      }
      if (s != std::string_view::npos && f.size() == 7) f.push_back(body.substr(s));  // may contain '-'
      Mention m;
      m.begin = token;
      m.etype = f.size() > 1 ? std::string(f[1]) : "";
      // minspan lists the 1-based positions of the mention's minimal span ("1,2,6,7").
      int minspan = f.size() > 5 ? std::atoi(std::string(f[5]).c_str()) : 1;
      m.head = token + static_cast<size_t>(std::clamp(minspan, 1, 1000) - 1);
      m.identity = f.size() > 7 && !f[7].empty();
      std::string id(f[0]);
      p = q == std::string_view::npos ? value.size() : q;
      if (p < value.size() && value[p] == ')') {
        m.end = token + 1;
        done.push_back(m);
        ++p;
      } else {
        open.emplace_back(id, m);
      }
    } else if (std::isdigit(static_cast<unsigned char>(value[p]))) {
      size_t q = value.find(')', p);
      if (q == std::string_view::npos) return;
      std::string id(value.substr(p, q - p));
      for (size_t k = open.size(); k-- > 0;) {
        if (open[k].first != id) continue;
        Mention m = open[k].second;
        m.end = token + 1;
        done.push_back(m);
        open.erase(open.begin() + static_cast<ptrdiff_t>(k));
        break;
      }
      p = q + 1;
    } else {
      ++p;
    }
  }
}

std::string_view EntityValue(std::string_view misc) {
  size_t p = misc.find("Entity=");
  if (p == std::string_view::npos) return {};
  std::string_view v = misc.substr(p + 7);
  return v.substr(0, v.find('|'));
}

// The name part of a mention: the PROPN run around its head, joined across "of"/"de"/"and".
bool NameSpan(const document::Document& doc, const document::Sentence& s, const Mention& m, size_t& b, size_t& e) {
  // Name words: PROPN, or capitalized adjectives, verbs and nouns ("United" in
  // "the United Nations" is tagged VERB or ADJ); determiners and pronouns never.
  auto propn = [&](size_t i) {
    const document::Token& t = doc.tokens[s.token_begin + i];
    if (t.upos == "PROPN") return true;
    return (t.upos == "ADJ" || t.upos == "VERB" || t.upos == "NOUN") && !t.form.empty() &&
           std::isupper(static_cast<unsigned char>(t.form[0]));
  };
  // The syntactic head: the mention's token attached outside the mention (else GUM's minspan).
  size_t head = std::min(m.head, m.end - 1);
  for (size_t i = m.begin; i < m.end; ++i) {
    const uint32_t h = doc.tokens[s.token_begin + i].head;  // 1-based in the sentence, 0 = root
    if (h == 0 || h < m.begin + 1 || h > m.end) {
      head = i;
      break;
    }
  }
  if (head < m.begin || doc.tokens[s.token_begin + head].upos != "PROPN") return false;
  b = head;
  e = head + 1;
  while (b > m.begin && propn(b - 1)) --b;
  while (e < m.end) {
    if (propn(e)) {
      ++e;
    } else if (e + 1 < m.end && propn(e + 1) && In(base::AsciiLower(doc.tokens[s.token_begin + e].form), {"of", "de", "and", "&", "for", "the", "-"})) {
      e += 2;
    } else {
      break;
    }
  }
  return true;
}

std::string GumType(const std::string& etype, bool identity, const std::vector<std::string>& forms,
                    const kb::Gazetteer& gaz) {
  if (etype == "person") return IsDemonym(Join(forms, 0, forms.size()), gaz) ? "NORP" : "PERSON";
  if (etype == "organization") return "ORG";
  if (etype == "place") return ClassifyPlace(forms, gaz);
  if (etype == "event") return "EVENT";
  if (etype == "time") return "";
  return identity ? "MISC" : "";
}

NerSentence GumSentence(const document::Document& doc, const document::Sentence& s, const kb::Gazetteer& gaz) {
  NerSentence ns;
  ns.doc = 0;
  std::vector<std::pair<std::string, Mention>> open;
  std::vector<Mention> mentions;
  for (uint32_t i = s.token_begin; i < s.token_end; ++i) {
    ns.forms.push_back(doc.tokens[i].form);
    ns.tags.push_back("O");
    ParseEntityField(EntityValue(doc.tokens[i].misc), i - s.token_begin, open, mentions);
  }
  std::stable_sort(mentions.begin(), mentions.end(),
                   [](const Mention& a, const Mention& b) { return a.end - a.begin > b.end - b.begin; });
  for (const Mention& m : mentions) {
    size_t b = 0, e = 0;
    if (m.end > ns.forms.size() || !NameSpan(doc, s, m, b, e)) continue;
    if (std::any_of(ns.tags.begin() + b, ns.tags.begin() + e, [](const std::string& t) { return t != "O"; })) continue;
    // CoNLL and WikiGold leave titles outside names ("President [Obama]"); GUM's
    // PROPN runs often include them.
    // Everything up to the last title word goes ("Prime Minister John Key",
    // "US President Barack Obama"); a final title stays ("John Major").
    if (m.etype == "person") {
      for (size_t k = e - 1; k-- > b;) {
        if (ner_internal::IsTitleWord(base::AsciiLower(ns.forms[k]))) {
          b = k + 1;
          break;
        }
      }
    }
    std::string type = GumType(m.etype, m.identity, {ns.forms.begin() + b, ns.forms.begin() + e}, gaz);
    if (!type.empty()) Relabel(ns.tags, b, e, type);
  }
  for (size_t i = 0; i < ns.forms.size(); ++i) {  // nationality words outside names
    if (ns.tags[i] == "O" && std::isupper(static_cast<unsigned char>(ns.forms[i][0])) && IsDemonym(ns.forms[i], gaz)) {
      ns.tags[i] = "B-NORP";
    }
  }
  return ns;
}

}  // namespace

StatusOr<std::vector<NerSentence>> GumToSentences(std::string_view conllu, const std::string& name,
                                                  const kb::Gazetteer& gaz) {
  document::ConlluReadOptions options;
  options.split_on_newdoc = false;
  NG_ASSIGN_OR_RETURN(std::vector<document::Document> docs, document::ReadConllu(conllu, name, options));
  std::vector<NerSentence> out;
  for (const document::Document& doc : docs) {
    for (const document::Sentence& s : doc.sentences) out.push_back(GumSentence(doc, s, gaz));
  }
  return out;
}

}  // namespace newsgraph::models
