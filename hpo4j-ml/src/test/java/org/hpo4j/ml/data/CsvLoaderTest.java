package org.hpo4j.ml.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import org.hpo4j.ml.TestData;
import org.junit.jupiter.api.Test;

class CsvLoaderTest {

  private static Dataset read(String csv, TargetColumn target) throws IOException {
    return CsvLoader.read(new BufferedReader(new StringReader(csv)), "t", "t.csv", target, null);
  }

  @Test
  void load_iris_hasShapeAndThreeClasses() throws IOException {
    Dataset iris = CsvLoader.load(TestData.path("iris.csv"));
    assertEquals(150, iris.rows());
    assertEquals(4, iris.cols());
    assertEquals("label", iris.targetName());
    assertEquals(Task.CLASSIFICATION, iris.task());
    assertArrayEquals(new int[] {50, 50, 50}, iris.classCounts());
    assertEquals(5.1f, iris.feature(0, 0));
  }

  @Test
  void load_gzipWithLabelFirst_findsLabelByName() throws IOException {
    Dataset mnist =
        CsvLoader.load(TestData.path("mnist10k.csv.gz"), TargetColumn.named("label"), null);
    assertEquals(10000, mnist.rows());
    assertEquals(784, mnist.cols());
    assertEquals(10, mnist.classCount());
    assertEquals(255f, mnist.maxAbsFeature());
  }

  @Test
  void load_diabetes_detectsRegression() throws IOException {
    Dataset d = CsvLoader.load(TestData.path("diabetes.csv"));
    assertEquals(Task.REGRESSION, d.task());
    assertEquals("target", d.targetName());
    assertEquals(151f, d.target(0));
    assertEquals(10, d.cols());
  }

  @Test
  void read_targetByPosition_usesThatColumn() throws IOException {
    Dataset d = read("y,a,b\n1,2,3\n0,5,6\n", TargetColumn.at(0));
    assertEquals(List.of("a", "b"), d.featureNames());
    assertEquals(1f, d.target(0));
    assertEquals(6f, d.feature(1, 1));
    Dataset last = read("a,b,y\n1,2,x\n3,4,z\n", TargetColumn.at(-1));
    assertEquals(List.of("x", "z"), last.classLabels());
  }

  @Test
  void read_missingTargetColumn_throwsNamingColumnAndHeader() {
    var e =
        assertThrows(
            IllegalArgumentException.class,
            () -> read("a,b,c\n1,2,3\n", TargetColumn.named("label")));
    assertTrue(e.getMessage().contains("'label'"), e.getMessage());
    assertTrue(e.getMessage().contains("[a, b, c]"), e.getMessage());
  }

  @Test
  void read_targetPositionOutOfRange_throws() {
    var e =
        assertThrows(
            IllegalArgumentException.class, () -> read("a,b,c\n1,2,3\n", TargetColumn.at(3)));
    assertTrue(e.getMessage().contains("got 3"), e.getMessage());
  }

  @Test
  void read_raggedRow_throwsWithLineNumber() {
    var e =
        assertThrows(
            IllegalArgumentException.class,
            () -> read("a,b,label\n1,2,0\n3,4\n", TargetColumn.auto()));
    assertTrue(e.getMessage().contains("line 3"), e.getMessage());
    assertTrue(e.getMessage().contains("2 cells"), e.getMessage());
  }

  @Test
  void read_nonNumericCell_throwsWithLineAndColumn() {
    var e =
        assertThrows(
            IllegalArgumentException.class,
            () -> read("a,b,label\n1,2,0\n3,abc,1\n", TargetColumn.auto()));
    assertTrue(e.getMessage().contains("line 3 column 2 ('b')"), e.getMessage());
    assertTrue(e.getMessage().contains("'abc'"), e.getMessage());
  }

  @Test
  void read_emptyFeatureCell_isMissing() throws IOException {
    Dataset d = read("a,b,label\n1,,0\n3,4,1\n", TargetColumn.auto());
    assertTrue(Float.isNaN(d.feature(0, 1)));
    assertTrue(d.hasMissing());
  }

  @Test
  void read_onlyOneClass_throws() {
    var e =
        assertThrows(
            IllegalArgumentException.class, () -> read("a,label\n1,0\n2,0\n", TargetColumn.auto()));
    assertTrue(e.getMessage().contains("at least 2 classes"), e.getMessage());
  }

  @Test
  void read_headerOnly_throws() {
    assertThrows(IllegalArgumentException.class, () -> read("a,label\n", TargetColumn.auto()));
  }

  @Test
  void read_numericLabels_indexedInNumericOrder() throws IOException {
    Dataset d = read("a,label\n1,10\n2,9\n3,10\n", TargetColumn.auto());
    assertEquals(List.of("9", "10"), d.classLabels());
    assertEquals(1f, d.target(0));
    assertEquals(0f, d.target(1));
  }
}
