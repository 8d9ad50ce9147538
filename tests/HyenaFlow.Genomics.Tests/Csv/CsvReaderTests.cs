using System.IO.Compression;
using System.Text;
using HyenaFlow.Genomics.Csv;
using HyenaFlow.Genomics.Tests.Support;

namespace HyenaFlow.Genomics.Tests.Csv;

public sealed class CsvReaderTests
{
    private static List<(long Line, string[] Fields)> ReadAll(string text, char separator = ',')
    {
        using var csv = new CsvReader(new StringReader(text), "test.csv", separator);
        var rows = new List<(long, string[])>();
        while (csv.Read())
        {
            rows.Add((csv.LineNumber, Enumerable.Range(0, csv.FieldCount).Select(csv.GetString).ToArray()));
        }

        return rows;
    }

    [Fact]
    public void QuotedFieldsKeepCommasDoubledQuotesAndNewlines()
    {
        var rows = ReadAll("a,b,c\n\"x,y\",\"say \"\"hi\"\"\",\"two\nlines\"\nplain,,last\n");

        Assert.Equal(2, rows.Count);
        Assert.Equal(["x,y", "say \"hi\"", "two\nlines"], rows[0].Fields);
        Assert.Equal(["plain", "", "last"], rows[1].Fields);
    }

    [Fact]
    public void LineNumbersAreWhereEachRecordStarts()
    {
        var rows = ReadAll("a,b\n1,\"multi\nline\nfield\"\n2,x\n\n3,y");

        Assert.Equal([2L, 5L, 7L], rows.Select(r => r.Line));
        Assert.Equal(["3", "y"], rows[2].Fields);
    }

    [Fact]
    public void QuotedEmptyFieldIsARecordButABlankLineIsNot()
    {
        var rows = ReadAll("a\n\"\"\n\nx\n");

        Assert.Equal([[""], ["x"]], rows.Select(r => r.Fields));
    }

    [Fact]
    public void CrLfAndLfAreBothLineEnds()
    {
        var rows = ReadAll("a,b\r\n1,2\r\n\"3\r\n4\",5\r\n6,7");

        Assert.Equal(["1", "2"], rows[0].Fields);
        Assert.Equal(["3\r\n4", "5"], rows[1].Fields);
        Assert.Equal([2L, 3L, 5L], rows.Select(r => r.Line));
    }

    [Fact]
    public void ByteOrderMarkIsIgnoredInFilesAndText()
    {
        using var dir = new TempDirectory("csv");
        string path = dir.File("bom.csv");
        File.WriteAllText(path, "ModelID,X\nACH-1,2\n", new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
        using (var csv = CsvReader.Open(path))
        {
            Assert.Equal(0, csv.IndexOf("ModelID"));
        }

        using var text = new CsvReader(new StringReader("\uFEFFModelID,X\n"), "t.csv");
        Assert.Equal(0, text.IndexOf("ModelID"));
    }

    [Fact]
    public void GzipFilesAreReadTransparently()
    {
        using var dir = new TempDirectory("csv");
        string path = dir.File("m.csv.gz");
        using (var gz = new GZipStream(File.Create(path), CompressionLevel.Fastest))
        {
            gz.Write("a,b\n1,2\n"u8);
        }

        using var csv = CsvReader.Open(path);
        Assert.True(csv.Read());
        Assert.Equal("2", csv.GetString(csv.IndexOf("b")));
    }

    [Fact]
    public void FieldsLongerThanTheReadBufferSurvive()
    {
        string big = new('A', 3_000_000);
        var rows = ReadAll($"a,b\n\"{big}\",{big}\n");

        Assert.Equal(big, rows[0].Fields[0]);
        Assert.Equal(big, rows[0].Fields[1]);
    }

    [Fact]
    public void RecordsAcrossBufferRefillsAreIntact()
    {
        // Over a million characters, mixing plain and quoted records, so records straddle refills.
        var text = new StringBuilder("n,text,quoted\r\n");
        for (int i = 0; i < 120_000; i++)
        {
            text.Append(i).Append(",row").Append(i).Append(i % 7 == 0 ? $",\"a,{i}\"\r\n" : $",b{i}\n");
        }

        var rows = ReadAll(text.ToString());

        Assert.Equal(120_000, rows.Count);
        for (int i = 0; i < rows.Count; i++)
        {
            Assert.Equal(i + 2, rows[i].Line);
            Assert.Equal([i.ToString(System.Globalization.CultureInfo.InvariantCulture), $"row{i}", i % 7 == 0 ? $"a,{i}" : $"b{i}"], rows[i].Fields);
        }
    }

    [Fact]
    public void ColumnsAreSelectedByName()
    {
        using var csv = new CsvReader(new StringReader("Pos,Chrom,Extra\n5,chr1,z\n"), "t.csv");
        int[] columns = csv.RequireColumns("Chrom", "Pos");
        Assert.True(csv.Read());

        Assert.Equal("chr1", csv.GetString(columns[0]));
        Assert.Equal("5", csv.GetString(columns[1]));
    }

    [Fact]
    public void MissingColumnNamesFileColumnAndColumnsFound()
    {
        using var csv = new CsvReader(new StringReader("Chrom,Ref\n"), "muts.csv");

        var e = Assert.Throws<DataFormatException>(() => csv.RequireColumns("Chrom", "Pos", "Ref"));

        Assert.Equal("muts.csv", e.File);
        Assert.Contains("'Pos'", e.Message);
        Assert.Contains("columns found: Chrom, Ref", e.Message);
    }

    [Fact]
    public void RecordWithWrongFieldCountNamesItsLine()
    {
        using var csv = new CsvReader(new StringReader("a,b\n1,2\n3\n"), "t.csv");
        Assert.True(csv.Read());

        var e = Assert.Throws<DataFormatException>(() => csv.Read());
        Assert.Equal(3, e.Line);
    }

    [Fact]
    public void UnterminatedQuoteNamesTheLineItOpened()
    {
        using var csv = new CsvReader(new StringReader("a,b\n1,2\n3,\"open\nmore\n"), "t.csv");
        Assert.True(csv.Read());

        var e = Assert.Throws<DataFormatException>(() => csv.Read());
        Assert.Equal(3, e.Line);
        Assert.Contains("never closed", e.Message);
    }

    [Fact]
    public void TextAfterAClosingQuoteIsAnError()
    {
        using var csv = new CsvReader(new StringReader("a\n\"x\"y\n"), "t.csv");

        var e = Assert.Throws<DataFormatException>(() => csv.Read());
        Assert.Contains("doubled", e.Message);
    }

    [Theory]
    [InlineData("<!DOCTYPE html><html><body>Verify you are human</body></html>")]
    [InlineData("\n  <HTML lang=\"en\"><head></head></HTML>")]
    public void HtmlPageIsRefusedAsNotACsv(string page)
    {
        var e = Assert.Throws<DataFormatException>(() => new CsvReader(new StringReader(page), "OmicsSomaticMutations.csv"));

        Assert.Contains("HTML page", e.Message);
        Assert.Contains("not a CSV", e.Message);
    }

    [Fact]
    public void EmptyFileIsRefused()
    {
        var e = Assert.Throws<DataFormatException>(() => new CsvReader(new StringReader(""), "empty.csv"));
        Assert.Contains("empty", e.Message);
    }

    [Fact]
    public void TabSeparatedTextReadsTheSameWay()
    {
        var rows = ReadAll("a\tb\n\"x\ty\"\tz\n", '\t');
        Assert.Equal(["x\ty", "z"], rows[0].Fields);
    }

    [Fact]
    public void DelimitedWriterOutputReadsBackExactly()
    {
        string[] awkward = ["plain", "tab\there", "quote\"d", "new\nline", "", "\"leading"];
        var text = new StringWriter();
        var writer = new DelimitedWriter(text);
        writer.WriteRow(Enumerable.Range(0, awkward.Length).Select(i => $"c{i}").ToArray());
        writer.WriteRow(awkward);

        var rows = ReadAll(text.ToString(), '\t');

        Assert.Equal(awkward, rows.Single().Fields);
    }
}
