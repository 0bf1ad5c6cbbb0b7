/**
 * Public API of core/enrich (issue 4): the place gazetteer and regions, industry and role
 * inference, trade synonyms, and `enrichPeople` that applies them with provenance.
 */
export { createGazetteer, REGION_KINDS } from './gazetteer';
export type {
  Admin1Row,
  CityRow,
  CountryRow,
  Gazetteer,
  GazetteerData,
  PlaceContext,
  PlaceResolution,
  Region,
  RegionKind,
  RegionsData,
} from './gazetteer';
export { createIndustryClassifier, getIndustries, inferIndustry } from './industry';
export type { IndustriesData, IndustryClassifier, IndustryDef, IndustryOptions, LegalForm } from './industry';
export { createRoleClassifier, inferRole } from './role';
export type { RoleClassifier, RoleFamilyDef, RolesData, SeniorityDef } from './role';
export { createSynonyms, expandTerm, getSynonyms } from './synonyms';
export type { ExpandedTerm, SynonymGroup, Synonyms, SynonymsData } from './synonyms';
export { enrichPeople } from './enrich';
export type { EnrichOptions, EnrichSummary } from './enrich';
export { toFolded, toWords } from './text';
