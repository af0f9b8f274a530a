/**
 * Names users give on the command line or find in the outputs, in one light module so that the
 * help (src/cli/specs/) shows them without loading the code behind them (the validator, the
 * deposit, which loads SaxonJS).
 */

/**
 * The rules of `teikit validate` by name, each usable alone (`--rules ids,pointers`). `house` is
 * the re-check of schema/teikit.rng (validate/house.ts); the others are in validate/rules.ts.
 */
export const RULE_NAMES = ['house', 'ids', 'pointers', 'pages', 'notes', 'pagerefs', 'breaks', 'ranges', 'hyphenation', 'dates'] as const;

/** Where the Dublin Core record is in the bag. */
export const DC_PATH = 'data/metadata/dc.xml';

/** The bag-info labels bagit-python offers as options, by the option name (`--contact-name`). */
export const BAG_INFO_OPTIONS = {
  'source-organization': 'Source-Organization',
  'organization-address': 'Organization-Address',
  'contact-name': 'Contact-Name',
  'contact-phone': 'Contact-Phone',
  'contact-email': 'Contact-Email',
  'external-description': 'External-Description',
  'external-identifier': 'External-Identifier',
  'bag-size': 'Bag-Size',
  'bag-group-identifier': 'Bag-Group-Identifier',
  'bag-count': 'Bag-Count',
  'internal-sender-identifier': 'Internal-Sender-Identifier',
  'internal-sender-description': 'Internal-Sender-Description',
} as const;
