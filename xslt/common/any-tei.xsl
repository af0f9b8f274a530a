<?xml version="1.0" encoding="UTF-8"?>
<!--
  Other people's TEI, for the HTML page and the EPUB (imported last, so it refines the common
  templates): language tags in BCP 47 (eng → en), titles never empty, paragraphs that hold blocks
  (lists, quotations, tables, figures, lg, notes of several paragraphs, lists of persons…) written
  as div, labelled lists as dl, lists of persons, places, bibliography, taxonomies and the like as
  readable lists, and the members of a teiCorpus each with its own heading.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:t="urn:teikit:xslt"
  xmlns:map="http://www.w3.org/2005/xpath-functions/map"
  xmlns="http://www.w3.org/1999/xhtml"
  exclude-result-prefixes="#all"
  xpath-default-namespace="http://www.tei-c.org/ns/1.0">

  <xsl:import href="any-tei-functions.xsl"/>




  <!-- Elements that are rendered as blocks: an HTML p that holds one must be a div. -->
  <xsl:function name="t:renders-as-block" as="xs:boolean">
    <xsl:param name="e" as="element()"/>
    <!-- Most elements inside a paragraph (hi, pb, ref…) are ruled out by name first: this test runs
         for every element of every paragraph. -->
    <xsl:sequence select="map:contains($t:block-names, local-name($e))
                          and exists($e/(self::list | self::table | self::figure | self::lg | self::cit | self::p | self::ab
                          | self::div | self::sp | self::speaker | self::floatingText | self::quote[not(ancestor::p) or t:block-children(.)]
                          | self::q[t:block-children(.)] | self::said[t:block-children(.)]
                          | self::note[not(t:is-inline-note(.))] | self::*[t:is-entry-list(.)]))"/>
  </xsl:function>
  <!-- Every local name t:renders-as-block can accept. -->
  <xsl:variable name="t:block-names" as="map(xs:string, xs:boolean)"
    select="map:merge((('list', 'table', 'figure', 'lg', 'cit', 'p', 'ab', 'div', 'sp', 'speaker', 'floatingText',
                        'quote', 'q', 'said', 'note'), map:keys($t:entry-list-names)) ! map { .: true() })"/>
  <xsl:function name="t:block-children" as="xs:boolean">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="exists($e/(p | lg | l | list | table | figure | quote | cit | ab | sp))"/>
  </xsl:function>

  <!-- Blocks anywhere inside the paragraph, except inside its inline notes (they move to the foot). -->
  <xsl:function name="t:holds-blocks" as="xs:boolean">
    <xsl:param name="p" as="element()"/>
    <!-- Most paragraphs hold no element of a block's name at any depth: one pass over their
         descendants says so (a tenth of an HTML rendering went on walking them), and the walk
         runs only for the others. -->
    <xsl:sequence select="exists($p/descendant::*[map:contains($t:block-names, local-name(.))]) and t:blocks-among($p/*)"/>
  </xsl:function>
  <!-- Whether one of $els or of their descendants renders as a block, not looking inside inline
       notes. A walk that stops at the first block: testing every descendant against the set of
       the paragraph's inline notes and their ancestors cost a third of an HTML rendering. -->
  <xsl:function name="t:blocks-among" as="xs:boolean">
    <xsl:param name="els" as="element()*"/>
    <xsl:sequence select="some $e in $els satisfies
                          (if ($e/self::note and t:is-inline-note($e)) then false()
                           else t:renders-as-block($e) or t:blocks-among($e/*))"/>
  </xsl:function>

  <!-- q and said of several paragraphs inside a paragraph. -->
  <xsl:template match="q[t:block-children(.)] | said[t:block-children(.)]">
    <blockquote><xsl:apply-templates/></blockquote>
  </xsl:template>

  <!-- A list of label and item pairs (a glossary, a list with printed labels): dl, labels kept. -->
  <xsl:template match="list[label]">
    <dl class="{string-join(('list', @type, 'labelled'), ' ')}">
      <xsl:for-each select="item">
        <xsl:variable name="label" select="preceding-sibling::*[1][self::label]"/>
        <dt><xsl:apply-templates select="$label/node()"/><xsl:if test="not($label)"><xsl:value-of select="@n"/></xsl:if></dt>
        <dd><xsl:apply-templates/></dd>
      </xsl:for-each>
    </dl>
    <xsl:apply-templates select="* except (item | label | pb)"/>
  </xsl:template>
  <xsl:template match="label[not(parent::list)]">
    <span class="label"><xsl:apply-templates/></span><xsl:text> </xsl:text>
  </xsl:template>
  <xsl:template match="gloss">
    <span class="gloss"><xsl:apply-templates/></span>
  </xsl:template>


  <!-- Lists of entries: persons, places, organisations, events, bibliography, taxonomies. -->
  <!-- The names of t:is-entry-list, spelt out (with the priority of the pattern *[t:is-entry-list(.)]
       it replaces): a predicate on * was tested for every element of the text. -->
  <xsl:template match="listPerson | listPlace | listOrg | listEvent | listBibl | listNym | listObject | listRelation
                       | listWit | taxonomy | category | listApp | listAnnotation | castList" priority="0.5">
    <div class="entries {local-name()}">
      <xsl:if test="@xml:id"><xsl:attribute name="id" select="@xml:id"/></xsl:if>
      <xsl:apply-templates select="head"/>
      <xsl:for-each select="(catDesc, desc, gloss)[normalize-space()]"><p class="{local-name()}"><xsl:apply-templates/></p></xsl:for-each>
      <xsl:variable name="entries" select="* except (head | catDesc | desc | gloss)"/>
      <xsl:if test="$entries">
        <ul class="entries">
          <xsl:for-each select="$entries">
            <li>
              <xsl:if test="@xml:id and not(t:is-entry-list(.))"><xsl:attribute name="id" select="@xml:id"/></xsl:if>
              <xsl:choose>
                <xsl:when test="t:is-entry-list(.)"><xsl:apply-templates select="."/></xsl:when>
                <xsl:otherwise><xsl:apply-templates select="." mode="t:entry"/></xsl:otherwise>
              </xsl:choose>
            </li>
          </xsl:for-each>
        </ul>
      </xsl:if>
    </div>
  </xsl:template>
  <xsl:template match="listPerson/head | listPlace/head | listOrg/head | listEvent/head | listBibl/head | taxonomy/head | listNym/head | listObject/head">
    <p class="head"><xsl:apply-templates/></p>
  </xsl:template>

  <!-- One entry: its bibliographic form, or its parts one after another, blocks kept as blocks. -->
  <xsl:template match="biblStruct | bibl" mode="t:entry">
    <xsl:apply-templates select="." mode="t:bibl"/>
  </xsl:template>
  <xsl:template match="*" mode="t:entry">
    <xsl:variable name="parts" select="*"/>
    <xsl:choose>
      <xsl:when test="empty($parts)"><xsl:apply-templates/></xsl:when>
      <xsl:otherwise>
        <xsl:for-each-group select="$parts" group-adjacent="t:renders-as-block(.) or self::note or self::event or self::state or self::trait">
          <xsl:choose>
            <xsl:when test="current-grouping-key()">
              <xsl:for-each select="current-group()">
                <div class="{local-name()}">
                  <xsl:choose>
                    <xsl:when test="t:renders-as-block(.)"><xsl:apply-templates select="."/></xsl:when>
                    <xsl:otherwise><xsl:apply-templates select="." mode="t:entry"/></xsl:otherwise>
                  </xsl:choose>
                </div>
              </xsl:for-each>
            </xsl:when>
            <xsl:otherwise>
              <p class="entry-parts">
                <xsl:for-each select="current-group()">
                  <xsl:if test="position() > 1"><xsl:text>; </xsl:text></xsl:if>
                  <span class="{local-name()}">
                    <!-- Language-neutral signs of the genealogies: * born, † died, fl. flourished. -->
                    <xsl:if test="self::birth or self::death or self::floruit">
                      <xsl:value-of select="map { 'birth': '* ', 'death': '† ', 'floruit': 'fl. ' }(local-name())"/>
                    </xsl:if>
                    <xsl:apply-templates select="node()" mode="t:entry-inline"/>
                  </span>
                </xsl:for-each>
              </p>
            </xsl:otherwise>
          </xsl:choose>
        </xsl:for-each-group>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>
  <!-- Inside an entry's line: the text of its parts, spaced (persName/forename + surname). -->
  <xsl:template match="*" mode="t:entry-inline">
    <xsl:if test="preceding-sibling::*"><xsl:text> </xsl:text></xsl:if>
    <xsl:apply-templates select="node()" mode="t:entry-inline"/>
  </xsl:template>
  <xsl:template match="text()" mode="t:entry-inline">
    <xsl:value-of select="replace(., '\s+', ' ')"/>
  </xsl:template>
  <xsl:template match="note | p" mode="t:entry-inline">
    <xsl:text> </xsl:text><xsl:apply-templates select="node()" mode="t:entry-inline"/>
  </xsl:template>

  <!-- A member of a teiCorpus: its own title, authors and text. -->
  <xsl:template match="TEI[ancestor::teiCorpus]">
    <article class="member" id="{t:id(.)}">
      <xsl:if test="@xml:lang"><xsl:attribute name="lang" select="t:bcp47(@xml:lang)"/></xsl:if>
      <xsl:element name="h{$t:top-heading}" namespace="http://www.w3.org/1999/xhtml">
        <xsl:value-of select="t:title-of(.)"/>
      </xsl:element>
      <xsl:variable name="authors" select="teiHeader/fileDesc/titleStmt/author[normalize-space()]"/>
      <xsl:if test="$authors"><p class="author"><xsl:value-of select="string-join($authors ! normalize-space(.), ', ')"/></p></xsl:if>
      <xsl:apply-templates select="text"/>
    </article>
  </xsl:template>

  <xsl:function name="t:heading-level" as="xs:integer">
    <xsl:param name="head" as="element()"/>
    <xsl:sequence select="min((6, 1 + count($head/ancestor::*[t:is-div(.)][head]) + count($head/ancestor::TEI[ancestor::teiCorpus])))"/>
  </xsl:function>

  <!-- Drama: speeches and stage directions as blocks. -->
  <xsl:template match="sp">
    <div class="sp"><xsl:apply-templates/></div>
  </xsl:template>
  <xsl:template match="speaker">
    <p class="speaker"><xsl:apply-templates/></p>
  </xsl:template>
  <xsl:template match="stage[not(ancestor::p or ancestor::l or ancestor::head)]">
    <p class="stage"><xsl:apply-templates/></p>
  </xsl:template>
  <xsl:template match="castGroup" mode="t:entry">
    <xsl:apply-templates select="head"/>
    <ul class="entries">
      <xsl:for-each select="* except head"><li><xsl:apply-templates select="." mode="t:entry"/></li></xsl:for-each>
    </ul>
  </xsl:template>
</xsl:stylesheet>
