<?xml version="1.0" encoding="UTF-8"?>
<!--
  xml:lang → a BCP 47 language tag for HTML lang and EPUB dc:language. TEI files often carry the
  three-letter ISO 639-2 codes (eng, fre, ger); BCP 47 wants the two-letter ISO 639-1 code where
  one exists (en, fr, de). A value that is no language tag at all becomes "und" (undetermined).
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:t="urn:teikit:xslt"
  exclude-result-prefixes="#all">

  <xsl:variable name="t:iso639-2to1" as="map(xs:string, xs:string)" select="map {
    'eng': 'en', 'fre': 'fr', 'fra': 'fr', 'ger': 'de', 'deu': 'de', 'ita': 'it', 'spa': 'es', 'por': 'pt',
    'dut': 'nl', 'nld': 'nl', 'lat': 'la', 'gre': 'el', 'ell': 'el', 'rus': 'ru', 'pol': 'pl', 'cze': 'cs',
    'ces': 'cs', 'slo': 'sk', 'slk': 'sk', 'hun': 'hu', 'swe': 'sv', 'dan': 'da', 'nor': 'no', 'nob': 'nb',
    'nno': 'nn', 'fin': 'fi', 'ice': 'is', 'isl': 'is', 'gle': 'ga', 'wel': 'cy', 'cym': 'cy', 'gla': 'gd',
    'chi': 'zh', 'zho': 'zh', 'jpn': 'ja', 'kor': 'ko', 'ara': 'ar', 'heb': 'he', 'per': 'fa', 'fas': 'fa',
    'tur': 'tr', 'hin': 'hi', 'san': 'sa', 'ukr': 'uk', 'bul': 'bg', 'rum': 'ro', 'ron': 'ro', 'hrv': 'hr',
    'srp': 'sr', 'slv': 'sl', 'lit': 'lt', 'lav': 'lv', 'est': 'et', 'cat': 'ca', 'baq': 'eu', 'eus': 'eu',
    'glg': 'gl', 'yid': 'yi', 'vie': 'vi', 'tha': 'th', 'ind': 'id', 'may': 'ms', 'msa': 'ms', 'afr': 'af',
    'swa': 'sw', 'arm': 'hy', 'hye': 'hy', 'geo': 'ka', 'kat': 'ka', 'alb': 'sq', 'sqi': 'sq', 'mac': 'mk',
    'mkd': 'mk', 'bel': 'be', 'ben': 'bn', 'urd': 'ur', 'tam': 'ta', 'epo': 'eo', 'ltz': 'lb', 'bre': 'br'
  }"/>

  <xsl:function name="t:bcp47" as="xs:string">
    <xsl:param name="lang" as="xs:string?"/>
    <xsl:variable name="l" select="normalize-space($lang)"/>
    <xsl:variable name="primary" select="lower-case(tokenize($l, '[-_]')[1])"/>
    <xsl:variable name="rest" select="substring($l, string-length($primary) + 1)"/>
    <xsl:sequence select="if (not(matches($l, '^[A-Za-z]{2,8}([-_][A-Za-z0-9]{1,8})*$'))) then 'und'
                          else ($t:iso639-2to1($primary), $primary)[1] || translate($rest, '_', '-')"/>
  </xsl:function>
</xsl:stylesheet>
