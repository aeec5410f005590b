// Document-level post-pass of the NER (internal to models/): the tagger sees one
// sentence at a time, so a name may be typed differently, or missed, where it
// recurs. Used by NerTagger::TagDocument and Tag.
#ifndef NEWSGRAPH_MODELS_NER_DOCUMENT_H_
#define NEWSGRAPH_MODELS_NER_DOCUMENT_H_

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace newsgraph::models::ner_internal {

// Over the IOB2 tags of every sentence of one document (`tags[s][i]` for
// `forms[s][i]`): (1) each name string gets its majority learned type (ties keep
// each occurrence's own type); (2) untagged capitalized token runs that spell a
// name tagged elsewhere in the document get its type, and an untagged
// capitalized token equal to the last word of a multi-word PERSON name (a
// surname) becomes PERSON (names and surnames match whatever their case: a
// headline's "WALES" is the body's "Wales", "GOLF - REED LEADS" has the body's
// Tom Reed, except for common sentence openers; in an all-caps headline a match
// may be followed by another capitalized word); a PERSON that is the first words of a
// longer ORG of the document ("Rospatch" / "Rospatch Corp", "Dean Witter" / "Dean Witter
// Reynolds Inc") becomes ORG unless it is one word and a surname there; an all-caps word that spells the initials of a multi-word
// ORG of the document ("ICO" for "International Coffee Organization") is that ORG;
// last, in an all-caps headline of three or more words, a run that spells a name of the
// document's mixed-case sentences takes that name and type over the model's tags ("BAYERN
// MUNICH" however the model cut it; "SELES" for the body's Monica Seles), unless it lies
// inside a longer span of the model ("OXFORD" in "UNIVERSITY OF OXFORD").
// Numeric rule types are left alone. Time and memory
// are linear in the document's size (matches are at most 6 tokens long).
// `known_place` (may be empty) tells whether a span's text is a place too well known to be a company's
// name (NerTagger: a country, a first-level unit or a city of 100,000):
// a GPE or LOC span that begins a longer ORG of the document ("Dome" / "Dome Petroleum Ltd")
// becomes that ORG unless it is one ("Texas" / "Texas Instruments Inc" stays a place), unless
// every such ORG is a public body, school or club named after its town ("Alexandria Police
// Department"), and unless the span's last word makes it a place ("Passaic County", "Neches River").
// `known_region` (may be empty: the rule is off) tells whether a text is a country or a
// first-level unit: a one-word GPE or LOC that is the surname of a multi-word PERSON of the
// document is that person ("talks with Clinton" beside "Bill Clinton") unless it is such a
// region or follows a locative word ("in", "at", "near" ...).
// `known_capital` (may be empty: the rule is off) tells whether a text is a national
// capital: a known town that begins a business ORG becomes it after all ("Cleveland" /
// "Cleveland Consulting Associates Inc", "El Paso" / "El Paso Natural Gas Co") when some
// mention acts as the company ("El Paso 's proposal", "Phoenix said"), none reads as the
// place ("in Phoenix", "Cleveland , Ohio", "the city of Columbia"), and it is no country,
// first-level unit or capital.
void MakeDocumentConsistent(const std::vector<std::vector<std::string_view>>& forms,
                            std::vector<std::vector<std::string>>& tags,
                            const std::function<bool(std::string_view)>& known_place = {},
                            const std::function<bool(std::string_view)>& known_region = {},
                            const std::function<bool(std::string_view)>& known_capital = {});

}  // namespace newsgraph::models::ner_internal

#endif  // NEWSGRAPH_MODELS_NER_DOCUMENT_H_
