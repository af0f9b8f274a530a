<?xml version="1.0" encoding="UTF-8"?>
<!--
  TEI tables → HTML tables, shared by the HTML page and the EPUB content documents.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:t="urn:teikit:xslt"
  xmlns:map="http://www.w3.org/2005/xpath-functions/map"
  xmlns="http://www.w3.org/1999/xhtml"
  exclude-result-prefixes="#all"
  xpath-default-namespace="http://www.tei-c.org/ns/1.0">

  <!-- Tables: spans are clamped to the grid the cells establish, because the HTML table model
       rejects columns or rows that only a span creates (the sources have such spans). -->
  <xsl:template match="table">
    <!-- Where no cell spans rows, a cell's column is the sum of the spans before it in its row:
         the grid of t:cell-starts is needed only for row spans (it cost a third of the HTML of a
         book of long tables). -->
    <xsl:variable name="simple" select="empty(row/cell[t:span(@rows) gt 1])"/>
    <xsl:variable name="starts" select="if ($simple) then map {} else t:cell-starts(.)"/>
    <table>
      <xsl:if test="head"><caption><xsl:apply-templates select="head/node()"/></caption></xsl:if>
      <tbody>
        <xsl:apply-templates select="row">
          <xsl:with-param name="starts" select="$starts" tunnel="yes"/>
          <xsl:with-param name="simple" select="$simple" tunnel="yes"/>
          <xsl:with-param name="last-col" tunnel="yes"
            select="if ($simple) then max((0, row[cell] ! (1 + sum(cell[position() lt last()] ! t:span(@cols)))))
                    else max((0, map:for-each($starts, function($k, $v) { $v })))"/>
        </xsl:apply-templates>
      </tbody>
    </table>
  </xsl:template>
  <xsl:template match="row">
    <tr>
      <xsl:apply-templates select="cell"/>
    </tr>
  </xsl:template>
  <xsl:template match="cell">
    <xsl:param name="starts" as="map(*)" tunnel="yes"/>
    <!-- false where a stylesheet overriding the table template passes only starts and last-col -->
    <xsl:param name="simple" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:param name="last-col" as="xs:integer" tunnel="yes"/>
    <xsl:variable name="start" select="if ($simple) then 1 + sum(preceding-sibling::cell ! t:span(@cols))
                                       else ($starts(generate-id()), 1)[1]"/>
    <xsl:variable name="cols" select="min((t:span(@cols), $last-col - $start + 1))"/>
    <!-- the rows left are counted only for a cell that spans rows: counting them for every cell
         took time in the square of a table's length -->
    <xsl:variable name="rows" select="let $r := t:span(@rows) return if ($r le 1) then 1 else min(($r, count(../following-sibling::row) + 1))"/>
    <xsl:element name="{if (@role = 'label' or ../@role = 'label') then 'th' else 'td'}" namespace="http://www.w3.org/1999/xhtml">
      <xsl:if test="$cols > 1"><xsl:attribute name="colspan" select="$cols"/></xsl:if>
      <xsl:if test="$rows > 1"><xsl:attribute name="rowspan" select="$rows"/></xsl:if>
      <xsl:if test=". is ../cell[1]"><xsl:apply-templates select="../preceding-sibling::*[1][self::pb]"/></xsl:if>
      <xsl:apply-templates select="preceding-sibling::*[1][self::pb]"/>
      <xsl:apply-templates/>
    </xsl:element>
  </xsl:template>

  <xsl:function name="t:span" as="xs:integer">
    <xsl:param name="a" as="attribute()?"/>
    <xsl:sequence select="if ($a castable as xs:integer and xs:integer($a) ge 1) then xs:integer($a) else 1"/>
  </xsl:function>

  <!-- The column where each cell begins (by generate-id), laying rows out as HTML does: each row's
       cells placed where the row spans above leave room. The places are merged into one map at the
       end, not row by row (that copied the map once for each row). -->
  <xsl:function name="t:cell-starts" as="map(*)">
    <xsl:param name="table" as="element()"/>
    <xsl:variable name="placed" as="map(*)*">
      <xsl:iterate select="$table/row">
        <xsl:param name="busy" as="map(*)" select="map {}"/>
        <xsl:variable name="row" as="map(*)*">
          <xsl:iterate select="cell">
            <xsl:param name="col" as="xs:integer" select="1"/>
            <xsl:variable name="c" select="t:free-col($busy, $col)"/>
            <xsl:sequence select="map { 'id': generate-id(), 'col': $c, 'cols': t:span(@cols), 'rows': t:span(@rows) }"/>
            <xsl:next-iteration><xsl:with-param name="col" select="$c + t:span(@cols)"/></xsl:next-iteration>
          </xsl:iterate>
        </xsl:variable>
        <xsl:sequence select="$row"/>
        <xsl:next-iteration>
          <xsl:with-param name="busy" select="map:merge((
              for $k in map:keys($busy)[$busy(.) gt 1] return map { $k: $busy($k) - 1 },
              for $p in $row[?rows gt 1], $k in $p?col to $p?col + $p?cols - 1 return map { $k: $p?rows - 1 }))"/>
        </xsl:next-iteration>
      </xsl:iterate>
    </xsl:variable>
    <xsl:sequence select="map:merge($placed ! map { ?id: ?col })"/>
  </xsl:function>
  <xsl:function name="t:free-col" as="xs:integer">
    <xsl:param name="busy" as="map(*)"/>
    <xsl:param name="col" as="xs:integer"/>
    <xsl:sequence select="if (map:contains($busy, $col)) then t:free-col($busy, $col + 1) else $col"/>
  </xsl:function>

</xsl:stylesheet>
