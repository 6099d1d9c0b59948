import java.util.Random;

/**
 * A stand-in for your training script, to show `hpo run --space space.yaml -- CMD ARGS`: it takes
 * its hyperparameters as arguments, "trains" for a few epochs printing `intermediate EPOCH LOSS`
 * (which lets a pruner stop bad runs early), and prints the validation loss as its last line.
 * Run it alone with: java Train.java --lr 0.01 --depth 6 --optimizer adam
 */
public class Train {
  public static void main(String[] args) {
    double lr = 0.1;
    int depth = 3;
    String optimizer = "sgd";
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--lr" -> lr = Double.parseDouble(args[i + 1]);
        case "--depth" -> depth = Integer.parseInt(args[i + 1]);
        case "--optimizer" -> optimizer = args[i + 1];
        default -> throw new IllegalArgumentException("unknown argument " + args[i]);
      }
    }
    // a smooth made-up loss surface: best near lr = 0.01, depth = 6, adam
    double best = Math.pow(Math.log10(lr) + 2, 2) + Math.pow(depth - 6, 2) / 10.0
        + (optimizer.equals("adam") ? 0.0 : 0.2);
    Random noise = new Random(42);
    double loss = 0;
    for (int epoch = 1; epoch <= 5; epoch++) {
      loss = best + 2.0 / epoch + 0.01 * noise.nextGaussian();
      System.out.println("intermediate " + epoch + " " + loss);
    }
    System.out.println(loss);
  }
}
