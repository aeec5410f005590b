#include "models/ner.h"

#include <map>

#include "models/model_file.h"
#include "models/ner_document.h"
#include "models/ner_features.h"
#include "models/ner_rules.h"
#include "models/ner_span_rules.h"

namespace newsgraph::models {
const std::vector<std::string>& NerTagger::Labels() {
  static const std::vector<std::string> labels = [] {
    std::vector<std::string> out = {"O"};
    for (const char* type : {"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "EVENT", "MISC"}) {
      out.push_back(std::string("B-") + type);
      out.push_back(std::string("I-") + type);
    }
    return out;
  }();
  return labels;
}

NerTagger::NerTagger(nlohmann::json meta, perceptron::SparseWeights weights,
                     std::shared_ptr<const kb::Gazetteer> gazetteer, NerLexicon lexicon, NerNames names,
                     NerFirstNames first_names, perceptron::SparseWeights weights_r2l)
    : meta_(std::move(meta)),
      weights_(std::move(weights)),
      weights_r2l_(std::move(weights_r2l)),
      gazetteer_(std::move(gazetteer)),
      lexicon_(std::move(lexicon)),
      names_(std::move(names)),
      first_names_(std::move(first_names)) {}

std::string NerTagger::DefaultPath() { return DefaultModelDir() + "/ner.ngm"; }

std::vector<std::string> NerTagger::TagForms(const std::vector<std::string_view>& forms) const {
  return TagForms(forms, nullptr);
}

std::vector<std::vector<std::string>> NerTagger::TagDocument(
    const std::vector<std::vector<std::string_view>>& sentences) const {
  return TagDocument(sentences, true);
}

std::vector<std::vector<std::string>> NerTagger::TagDocument(
    const std::vector<std::vector<std::string_view>>& sentences, bool sports_lines) const {
  ner_internal::DocContext context(sentences, lexicon_.empty() ? nullptr : &lexicon_);
  std::vector<std::vector<std::string>> out;
  out.reserve(sentences.size());
  for (const auto& forms : sentences) out.push_back(TagForms(forms, &context, sports_lines));
  // Towns count from 100,000 people: a company may be named after a smaller one ("Dome"
  // Petroleum and Dome, Ghana), rarely after a city.
  auto has_entry = [this](std::string_view text, bool towns) {
    for (const kb::GazetteerEntry* e : gazetteer_->Lookup(text)) {
      if (e->type == kb::EntryType::kCountry || e->type == kb::EntryType::kAdmin1 ||
          (towns && e->type == kb::EntryType::kCity && e->population >= 100000)) {
        return true;
      }
    }
    return false;
  };
  auto capital = [this](std::string_view text) {
    for (const kb::GazetteerEntry* e : gazetteer_->Lookup(text)) {
      if (e->type == kb::EntryType::kCity && e->detail == "PPLC") return true;
    }
    return false;
  };
  ner_internal::MakeDocumentConsistent(
      sentences, out, [&](std::string_view text) { return has_entry(text, true); },
      [&](std::string_view text) { return has_entry(text, false); }, capital);
  for (size_t s = 0; s < out.size(); ++s) ner_internal::TagAccordsNamedAfterPlaces(sentences[s], gazetteer_.get(), out[s]);
  return out;
}

std::vector<std::string> NerTagger::TagForms(const std::vector<std::string_view>& forms,
                                             const ner_internal::DocContext* doc, bool sports_lines) const {
  const std::vector<std::string>& labels = Labels();
  const int num_labels = static_cast<int>(labels.size());
  std::vector<ner_internal::TokenInfo> info;
  ner_internal::FeatureResources res;
  res.gazetteer = gazetteer_.get();
  res.lexicon = lexicon_.empty() ? nullptr : &lexicon_;
  res.names = names_.empty() ? nullptr : &names_;
  res.first_names = first_names_.empty() ? nullptr : &first_names_;
  ner_internal::ComputeTokenInfo(forms, res, doc, info);
  std::vector<std::string> tags(forms.size());
  std::vector<int> r2l;
  if (bidirectional()) {
    std::vector<ner_internal::TokenInfo> rev;
    auto score = [&](const uint64_t* k, int n, float* sc) { weights_r2l_.Score(k, n, sc); };
    ner_internal::DecodeRightToLeft(info, rev, num_labels, score, nullptr, [](const uint64_t*, int, int, int) {}, r2l);
  }
  uint64_t keys[ner_internal::kMaxFeatures + ner_internal::kMaxStackFeatures];
  std::vector<float> scores(num_labels);
  int prev1 = -1, prev2 = -1;
  for (size_t i = 0; i < forms.size(); ++i) {
    int n = ner_internal::ExtractFeatures(info, i, prev1, prev2, keys);
    if (!r2l.empty()) n += ner_internal::ExtractStackFeatures(info, r2l, i, prev1, keys + n);
    weights_.Score(keys, n, scores.data());
    int best = 0;
    for (int c = 1; c < num_labels; ++c) {
      if (ner_internal::Allowed(prev1, c) && scores[c] > scores[best]) best = c;
    }
    tags[i] = labels[best];
    prev2 = prev1;
    prev1 = best;
  }
  ner_internal::SplitTitlesFromPersons(forms, gazetteer_.get(), tags);
  std::vector<bool> listed_first_name(forms.size());
  for (size_t i = 0; i < forms.size(); ++i) listed_first_name[i] = info[i].first_name;
  ner_internal::SplitTitleOfPhrases(forms, listed_first_name, gazetteer_.get(), tags);
  ner_internal::SplitPersonsFromOffices(forms, listed_first_name, gazetteer_.get(), tags);
  ner_internal::ApplySpanRules(forms, gazetteer_.get(), names_.empty() ? nullptr : &names_, tags, sports_lines,
                               doc != nullptr && doc->team_sport_report());
  std::vector<bool> often_lower(forms.size());
  for (size_t i = 0; i < forms.size(); ++i) often_lower[i] = NerLexicon::OftenLowercase(info[i].lex_cap);
  ner_internal::JoinNamesAcrossAnd(forms, often_lower, tags);
  // First words of names: listed first names, and words the news profiles put first in persons' names.
  std::vector<bool> first_name(forms.size());
  for (size_t i = 0; i < forms.size(); ++i) {
    first_name[i] = info[i].first_name || (NerTypeProfile::PersonPos(info[i].lex_types) & 1) != 0;
  }
  // Persons typed as places in results lists only with the sports-line rules: off while
  // the word profiles are built from news, like them.
  ner_internal::TagListedPersons(forms, first_name, *gazetteer_, tags, sports_lines);
  if (sports_lines && doc != nullptr && doc->team_sport_report()) {
    ner_internal::TagClubsNamedWithTowns(forms, first_name, *gazetteer_, tags);
  }
  ner_internal::TagPersonsAfterNationalities(forms, first_name, often_lower, *gazetteer_, tags);
  std::vector<bool> name_or_word(forms.size());  // "Victoria said", "Male unemployment rose"
  for (size_t i = 0; i < forms.size(); ++i) name_or_word[i] = listed_first_name[i] || often_lower[i];
  ner_internal::TagCitiesOpeningASentence(forms, name_or_word, *gazetteer_,
                                          doc != nullptr && doc->team_sport_report(), tags);
  std::vector<bool> plain_first(forms.size());
  for (size_t i = 0; i < forms.size(); ++i) plain_first[i] = listed_first_name[i] && !often_lower[i];
  ner_internal::TagFirstNamePairsTypedOrg(
      forms, plain_first,
      [&](size_t b, size_t e) {
        std::string text(forms[b]);
        for (size_t i = b + 1; i < e; ++i) text += " " + std::string(forms[i]);
        if (!gazetteer_->Lookup(text).empty()) return true;
        if (names_.empty()) return false;
        std::vector<std::string> norm;
        for (size_t i = b; i < e; ++i) norm.push_back(kb::Gazetteer::Normalize(forms[i]));
        int type = -1;
        return names_.Match(norm, 0, type, e - b) == static_cast<int>(e - b);
      },
      tags);
  // Listed first names that are not also common words ("Price", "Will", "West").
  std::vector<bool> plain_first_name(forms.size());
  for (size_t i = 0; i < forms.size(); ++i) plain_first_name[i] = info[i].first_name && !often_lower[i];
  ner_internal::TagPersonsAfterTitles(forms, plain_first_name, tags);
  ner_internal::ApplyNumericRules(forms, tags);
  return tags;
}

namespace {

// A tagged span over document token indices.
struct TagSpan {
  uint32_t begin, end;
  std::string type;
};

std::vector<TagSpan> DocumentSpans(const document::Document& doc) {
  std::vector<TagSpan> out;
  for (const document::Sentence& s : doc.sentences) {
    if (s.token_end > doc.tokens.size()) continue;
    for (uint32_t i = s.token_begin; i < s.token_end;) {
      std::string_view tag = doc.tokens[i].ner;
      if (tag.size() < 3 || tag[0] != 'B') {
        ++i;
        continue;
      }
      uint32_t j = i + 1;
      while (j < s.token_end && doc.tokens[j].ner.size() > 2 && doc.tokens[j].ner[0] == 'I' &&
             std::string_view(doc.tokens[j].ner).substr(2) == tag.substr(2)) {
        ++j;
      }
      out.push_back({i, j, std::string(tag.substr(2))});
      i = j;
    }
  }
  return out;
}

void AddMentions(document::Document& doc) {
  doc.mentions.clear();
  doc.entities.clear();
  doc.relations.clear();
  for (const TagSpan& s : DocumentSpans(doc)) {
    document::Mention m;
    m.span = {doc.tokens[s.begin].span.start, doc.tokens[s.end - 1].span.end};
    m.type = s.type;
    m.kind = "name";
    doc.mentions.push_back(std::move(m));
  }
}

}  // namespace

void NerTagger::Tag(document::Document& doc) const {
  std::vector<std::vector<std::string_view>> sentences;
  std::vector<const document::Sentence*> used;
  for (const document::Sentence& s : doc.sentences) {
    if (s.token_end > doc.tokens.size() || s.token_begin >= s.token_end) continue;
    sentences.emplace_back();
    for (uint32_t i = s.token_begin; i < s.token_end; ++i) sentences.back().push_back(doc.tokens[i].form);
    used.push_back(&s);
  }
  std::vector<std::vector<std::string>> tags = TagDocument(sentences);
  for (size_t k = 0; k < used.size(); ++k) {
    for (uint32_t i = used[k]->token_begin; i < used[k]->token_end; ++i) {
      doc.tokens[i].ner = std::move(tags[k][i - used[k]->token_begin]);
    }
  }
  AddMentions(doc);
}

Status NerTagger::CheckSelfTest(const nlohmann::json& selftest, const std::string& name) const {
  if (!selftest.is_array()) return Status::Corruption(name + ": self-test section is not a JSON array");
  for (size_t si = 0; si < selftest.size(); ++si) {
    const nlohmann::json& item = selftest[si];
    if (!item.is_object() || !item.contains("tokens") || !item.contains("ner") || !item["tokens"].is_array() ||
        !item["ner"].is_array() || item["tokens"].size() != item["ner"].size()) {
      return Status::Corruption(name + ": self-test sentence " + std::to_string(si) + " is malformed");
    }
    std::vector<std::string> tokens;
    for (const auto& t : item["tokens"]) {
      if (!t.is_string()) return Status::Corruption(name + ": self-test token is not a string");
      tokens.push_back(t.get<std::string>());
    }
    std::vector<std::string_view> forms(tokens.begin(), tokens.end());
    std::vector<std::string> got = TagForms(forms);
    for (size_t i = 0; i < got.size(); ++i) {
      if (!item["ner"][i].is_string() || got[i] != item["ner"][i].get<std::string>()) {
        return Status::Corruption(name + ": self-test failed on sentence " + std::to_string(si) + " token " +
                                  std::to_string(i) + " ('" + tokens[i] + "'): expected " + item["ner"][i].dump() +
                                  ", got \"" + got[i] + "\" (model and gazetteer do not match, or the file is damaged)");
      }
    }
  }
  return Status::Ok();
}

StatusOr<std::shared_ptr<const NerTagger>> NerTagger::LoadFromBytes(std::string bytes, const std::string& name,
                                                                   std::shared_ptr<const kb::Gazetteer> gazetteer) {
  return LoadChecked(std::move(bytes), name, std::move(gazetteer), true);
}

StatusOr<std::shared_ptr<const NerTagger>> NerTagger::LoadToRestamp(const std::string& model_path,
                                                                   std::shared_ptr<const kb::Gazetteer> gazetteer) {
  base::FileSystem& fs = base::LocalFileSystem();
  if (!fs.Exists(model_path)) return Status::NotFound(model_path + ": NER model file not found");
  NG_ASSIGN_OR_RETURN(std::string bytes, fs.ReadFile(model_path, 512ull << 20));
  return LoadChecked(std::move(bytes), model_path, std::move(gazetteer), false);
}

StatusOr<std::shared_ptr<const NerTagger>> NerTagger::LoadChecked(std::string bytes, const std::string& name,
                                                                 std::shared_ptr<const kb::Gazetteer> gazetteer,
                                                                 bool run_self_test) {
  if (gazetteer == nullptr) return Status::InvalidArgument(name + ": the NER needs a gazetteer (got none)");
  NG_ASSIGN_OR_RETURN(ModelFile file, ModelFile::Parse(std::move(bytes), name));
  NG_RETURN_IF_ERROR(file.ExpectKind("ner"));
  const nlohmann::json& meta = file.meta();
  if (!meta.contains("payload_version") || !meta["payload_version"].is_number_integer() ||
      meta["payload_version"].get<int>() < ner_internal::kMinPayloadVersion ||
      meta["payload_version"].get<int>() > ner_internal::kPayloadVersion) {
    return Status::Unsupported(name + ": NER payload version " +
                               (meta.contains("payload_version") ? meta["payload_version"].dump() : "missing") +
                               " is not supported (this build reads " +
                               std::to_string(ner_internal::kMinPayloadVersion) + " to " +
                               std::to_string(ner_internal::kPayloadVersion) + ")");
  }
  NG_ASSIGN_OR_RETURN(std::string_view data, file.Section("weights"));
  NG_ASSIGN_OR_RETURN(perceptron::SparseWeights weights,
                      perceptron::SparseWeights::Parse(data, name + " section 'weights'"));
  if (weights.num_classes() != static_cast<int>(Labels().size())) {
    return Status::Corruption(name + ": weights have " + std::to_string(weights.num_classes()) +
                              " classes, expected " + std::to_string(Labels().size()));
  }
  perceptron::SparseWeights weights_r2l;
  if (file.HasSection("weights_r2l")) {
    if (meta["payload_version"].get<int>() < 6) {
      return Status::Corruption(name + ": section 'weights_r2l' in a payload version " +
                                meta["payload_version"].dump() + " file (it needs version 6)");
    }
    NG_ASSIGN_OR_RETURN(std::string_view r2l, file.Section("weights_r2l"));
    NG_ASSIGN_OR_RETURN(weights_r2l, perceptron::SparseWeights::Parse(r2l, name + " section 'weights_r2l'"));
    if (weights_r2l.num_classes() != static_cast<int>(Labels().size())) {
      return Status::Corruption(name + ": section 'weights_r2l' has " + std::to_string(weights_r2l.num_classes()) +
                                " classes, expected " + std::to_string(Labels().size()));
    }
  }
  NerLexicon lexicon;
  if (file.HasSection("lexicon")) {
    NG_ASSIGN_OR_RETURN(std::string_view lex, file.Section("lexicon"));
    NG_ASSIGN_OR_RETURN(lexicon, NerLexicon::Parse(lex, name + " section 'lexicon'"));
  }
  NerNames names;
  if (file.HasSection("names")) {
    NG_ASSIGN_OR_RETURN(std::string_view text, file.Section("names"));
    NG_ASSIGN_OR_RETURN(names, NerNames::Parse(text, name + " section 'names'"));
  }
  NerFirstNames first_names;
  if (file.HasSection("first_names")) {
    NG_ASSIGN_OR_RETURN(std::string_view text, file.Section("first_names"));
    NG_ASSIGN_OR_RETURN(first_names, NerFirstNames::Parse(text, name + " section 'first_names'"));
  }
  auto tagger = std::make_shared<const NerTagger>(meta, std::move(weights), std::move(gazetteer), std::move(lexicon),
                                                  std::move(names), std::move(first_names), std::move(weights_r2l));
  if (run_self_test) NG_RETURN_IF_ERROR(tagger->CheckSelfTest(file.selftest(), name));
  return std::shared_ptr<const NerTagger>(tagger);
}

StatusOr<std::shared_ptr<const NerTagger>> NerTagger::Load(const std::string& model_path,
                                                          std::shared_ptr<const kb::Gazetteer> gazetteer,
                                                          base::FileSystem& fs) {
  if (!fs.Exists(model_path)) return Status::NotFound(model_path + ": NER model file not found");
  NG_ASSIGN_OR_RETURN(std::string bytes, fs.ReadFile(model_path, 512ull << 20));
  return LoadFromBytes(std::move(bytes), model_path, std::move(gazetteer));
}

}  // namespace newsgraph::models
