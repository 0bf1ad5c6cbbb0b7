/**
 * The vocabulary shipped with Netwell: the synonym groups of data/synonyms.json and the industry
 * taxonomy of data/industries.json (both editable, owned by the enrichment; see docs/ask.md), plus the
 * gazetteer's place resolvers when given. Bundled as JSON modules, so the page, the worker and the CLI
 * read the same files. Cost: one adaptation per call (O(terms)); callers keep the result.
 */
import industries from '../../../data/industries.json';
import synonyms from '../../../data/synonyms.json';
import { toAskVocabulary, type AskPlaces, type AskVocabulary } from './vocabulary';

/** The bundled vocabulary, with the gazetteer's place resolvers when given (see io/gazetteer `loadGazetteer`). */
export function getBundledVocabulary(places?: AskPlaces): AskVocabulary {
  return toAskVocabulary(places ? { synonyms, industries, places } : { synonyms, industries });
}
